import { CallSchema } from '#database/schema'
import { belongsTo, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { DateTime } from 'luxon'
import Programme from '#programmes/models/programme'
import FormVersion from '#programmes/models/form_version'
import type { CallState } from '#programmes/call_lifecycle'

/** One edition of a programme, with its window, envelope and review mode. */
export default class Call extends CallSchema {
  declare state: CallState

  @belongsTo(() => Programme)
  declare programme: BelongsTo<typeof Programme>

  @hasMany(() => FormVersion)
  declare formVersions: HasMany<typeof FormVersion>

  /** Open now: published and inside its window (server clock). */
  static openNow = scope((query) => {
    const now = DateTime.utc().toSQL()
    query.where('state', 'open').where('opens_at', '<=', now).where('closes_at', '>', now)
  })
}
