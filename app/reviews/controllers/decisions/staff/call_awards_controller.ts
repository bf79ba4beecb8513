import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { AwardCall } from '#reviews/actions/award_call'
import { actorFrom } from '#core/audit/actor'

/** The award run of a call, as a resource: it prepares the decisions, unpublished. */
export default class CallAwardsController {
  @inject()
  async store(ctx: HttpContext, awardCall: AwardCall) {
    await ctx.bouncer.with(DecisionPolicy).authorize('award')
    const call = await Call.findOrFail(ctx.params.id)
    const result = await awardCall.handle(call.id, actorFrom(ctx))
    const message = ctx.i18n.t('decisions.flash.award_run', result)
    if (ctx.request.accepts(['html', 'json']) === 'json') return { ...result, message }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.call_rankings.show', { id: call.id })
  }
}
