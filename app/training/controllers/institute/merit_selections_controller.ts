import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { SelectByMerit } from '#training/actions/select_by_merit'
import { ownCohort } from '#training/controllers/institute/institute_access'

/** A coordinator runs the merit selection of a cohort once its enrolment has closed. */
export default class MeritSelectionsController {
  @inject()
  async store(ctx: HttpContext, selectByMerit: SelectByMerit) {
    const cohort = await ownCohort(ctx)
    const selection = await selectByMerit.handle(cohort.id, actorFrom(ctx))
    ctx.session.flash(
      'success',
      ctx.i18n.t('institute.selection.done', {
        accepted: selection.accepted.length,
        waitlisted: selection.waitlisted.length,
      })
    )
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
