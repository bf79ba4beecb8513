import { ApplicationSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'
import FormVersion from '#programmes/models/form_version'
import { formVersionById } from '#programmes/frozen_form_versions'
import User from '#identity/models/user'
import Organization from '#identity/models/organization'
import ApplicationDocument from '#applications/models/application_document'
import ApplicationEvaluation from '#eligibility/models/application_evaluation'
import type { ApplicationState } from '#applications/application_lifecycle'

/** A person's (or an organization's) application to one call. */
export default class Application extends ApplicationSchema {
  declare state: ApplicationState

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>

  @belongsTo(() => User, { foreignKey: 'applicantId' })
  declare applicant: BelongsTo<typeof User>

  @belongsTo(() => Organization)
  declare organization: BelongsTo<typeof Organization>

  @belongsTo(() => FormVersion)
  declare formVersion: BelongsTo<typeof FormVersion>

  /** The evaluation that stands for it (until it is evaluated again). */
  @belongsTo(() => ApplicationEvaluation, { foreignKey: 'evaluationId' })
  declare evaluation: BelongsTo<typeof ApplicationEvaluation>

  @hasMany(() => ApplicationDocument)
  declare documents: HasMany<typeof ApplicationDocument>

  /**
   * Everything its pages and its receipt show: call and programme, form, people. Only
   * what it refers to is read (Lucid would query `WHERE id IS NULL` for an empty
   * reference); `viewer`, the signed-in person, stands in for the applicant when it is them;
   * a frozen form version comes from the process's copy (frozen_form_versions.ts).
   */
  async loadContext(this: Application, viewer?: User) {
    const optional = (['organization', 'evaluation'] as const).filter((name) => {
      const present = this[`${name}Id`] !== null
      if (!present) this.$setRelated(name, null)
      return present
    })
    const applicant = viewer?.id === this.applicantId ? viewer : null
    if (applicant) this.$setRelated('applicant', applicant)
    await this.load((loader) => {
      let loading = loader.load('call', (call) => call.preload('programme'))
      for (const name of optional) loading = loading.load(name)
      if (!applicant) loading = loading.load('applicant')
      return loading
    })
    this.$setRelated(
      'formVersion',
      this.formVersionId === null ? null : await formVersionById(this.formVersionId)
    )
  }

  get isDraft() {
    return this.state === 'draft'
  }
}
