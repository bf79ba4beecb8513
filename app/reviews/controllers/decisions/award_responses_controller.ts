import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { RespondToAward } from '#reviews/actions/respond_to_award'
import { findOwnDecision } from '#reviews/decision_texts'
import { awardResponseValidator, decisionsMessages } from '#reviews/validators/decisions'
import { actorFrom } from '#core/audit/actor'

/** The applicant accepts or declines their award. */
export default class AwardResponsesController {
  @inject()
  async store(ctx: HttpContext, respondToAward: RespondToAward) {
    const { application, decision } = await findOwnDecision(ctx)
    const { response } = await ctx.request.validateUsing(awardResponseValidator, {
      messagesProvider: decisionsMessages(ctx.i18n),
    })
    await respondToAward.handle(decision, response, actorFrom(ctx))
    const message = ctx.i18n.t(`decisions.flash.${response}`)
    if (ctx.request.accepts(['html', 'json']) === 'json') return { response, message }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('application_decisions.show', { id: application.id })
  }
}
