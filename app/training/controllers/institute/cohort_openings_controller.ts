import type { HttpContext } from '@adonisjs/core/http'
import { actorFrom } from '#core/audit/actor'
import { moveCohort } from '#training/cohort_lifecycle'
import { ownCohort } from '#training/controllers/institute/institute_access'

/** A coordinator opens a draft cohort to enrolment. */
export default class CohortOpeningsController {
  async store(ctx: HttpContext) {
    const cohort = await ownCohort(ctx)
    await moveCohort(cohort.id, 'open', actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.cohorts.opened'))
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
