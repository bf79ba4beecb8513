import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageProgrammes } from '#identity/abilities'
import { ReviewVerdict } from '#eligibility/actions/review_verdict'
import { appealsMessages, verdictReviewValidator } from '#eligibility/validators/appeals'
import { actorFrom } from '#core/audit/actor'

/** A programme officer confirms or overrides an application's eligibility verdict. */
export default class VerdictsController {
  @inject()
  async store(ctx: HttpContext, reviewVerdict: ReviewVerdict) {
    await ctx.bouncer.authorize(manageProgrammes)
    const input = await ctx.request.validateUsing(verdictReviewValidator, {
      messagesProvider: appealsMessages(ctx.i18n),
    })
    const application = await reviewVerdict.handle(Number(ctx.params.id), input, actorFrom(ctx))
    const message = ctx.i18n.t(`appeals.staff.${input.decision}_done`, {
      state: ctx.i18n.t(`applications.states.${application.state}`),
    })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: application.id, state: application.state, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.applications.show', { id: application.id })
  }
}
