import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { RespondToAward } from '#reviews/actions/respond_to_award'
import { findOwnDecision } from '#reviews/decision_texts'
import { awardResponseValidator, decisionsMessages } from '#reviews/validators/decisions'
import { actorFrom } from '#core/audit/actor'
import { GiveConsent } from '#privacy/actions/manage_consents'

/**
 * The applicant accepts or declines their award; accepting, they may agree to be named in
 * the open-data register (a consent of its own, withdrawable from the privacy page).
 */
export default class AwardResponsesController {
  @inject()
  async store(ctx: HttpContext, respondToAward: RespondToAward, giveConsent: GiveConsent) {
    const { application, decision } = await findOwnDecision(ctx)
    const { response, openDataConsent } = await ctx.request.validateUsing(awardResponseValidator, {
      messagesProvider: decisionsMessages(ctx.i18n),
    })
    await respondToAward.handle(decision, response, actorFrom(ctx))
    if (response === 'accepted' && openDataConsent) {
      await giveConsent.handle(ctx.auth.getUserOrFail(), 'open_data_publication', actorFrom(ctx))
    }
    const message = ctx.i18n.t(`decisions.flash.${response}`)
    if (ctx.request.accepts(['html', 'json']) === 'json') return { response, message }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('application_decisions.show', { id: application.id })
  }
}
