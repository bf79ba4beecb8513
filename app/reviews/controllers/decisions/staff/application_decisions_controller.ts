import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { DecideApplication } from '#reviews/actions/decide_application'
import { decisionsMessages, manualDecisionValidator } from '#reviews/validators/decisions'
import { actorFrom } from '#core/audit/actor'

/** An officer decides one application by hand (award within the budget, or reject). */
export default class ApplicationDecisionsController {
  @inject()
  async store(ctx: HttpContext, decideApplication: DecideApplication) {
    await ctx.bouncer.with(DecisionPolicy).authorize('award')
    const input = await ctx.request.validateUsing(manualDecisionValidator, {
      messagesProvider: decisionsMessages(ctx.i18n),
    })
    const decision = await decideApplication.handle(Number(ctx.params.id), input, actorFrom(ctx))
    const message = ctx.i18n.t(`decisions.flash.${decision.outcome}`)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({
        id: decision.id,
        outcome: decision.outcome,
        amountCentimes: decision.amountCentimes,
        message,
      })
    }
    ctx.session.flash('success', message)
    return ctx.response
      .redirect()
      .toRoute('staff.applications.show', { id: decision.applicationId })
  }
}
