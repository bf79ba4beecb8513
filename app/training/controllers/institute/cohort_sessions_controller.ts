import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { AddSessions } from '#training/actions/add_sessions'
import { instituteMessages, sessionsValidator } from '#training/validators/institute'
import { ownCohort } from '#training/controllers/institute/institute_access'

/** A coordinator adds sessions to a cohort's schedule (a weekly pattern or one session). */
export default class CohortSessionsController {
  @inject()
  async store(ctx: HttpContext, addSessions: AddSessions) {
    const cohort = await ownCohort(ctx)
    const input = await ctx.request.validateUsing(sessionsValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    const added = await addSessions.handle(cohort.id, input, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.sessions.added', { count: added }))
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
