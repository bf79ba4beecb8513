import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { CloseCohort } from '#training/actions/close_cohort'
import { ownCohort } from '#training/controllers/institute/institute_access'

/** A coordinator closes a cohort: completion is settled and certificates issued. */
export default class CohortClosuresController {
  @inject()
  async store(ctx: HttpContext, closeCohort: CloseCohort) {
    const cohort = await ownCohort(ctx)
    const result = await closeCohort.handle(cohort.id, actorFrom(ctx))
    ctx.session.flash(
      'success',
      result.alreadyClosed
        ? ctx.i18n.t('institute.closure.already')
        : ctx.i18n.t('institute.closure.done', {
            completed: result.completed,
            failed: result.failed,
            certificates: result.certificates,
          })
    )
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
