import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { PublishDecisions } from '#reviews/actions/publish_decisions'
import { actorFrom } from '#core/audit/actor'
import { requestDashboardRefresh } from '#reporting/dashboards/refresh_dashboards'

/** Publishing a call's prepared decisions, as a resource: they become final and are sent. */
export default class CallDecisionPublicationsController {
  @inject()
  async store(ctx: HttpContext, publishDecisions: PublishDecisions) {
    await ctx.bouncer.with(DecisionPolicy).authorize('award')
    const call = await Call.findOrFail(ctx.params.id)
    const result = await publishDecisions.handle(call.id, actorFrom(ctx))
    // Awards move the dashboards' funnel and money at once.
    await requestDashboardRefresh()
    const message = ctx.i18n.t('decisions.flash.published', {
      ...result,
      total: result.awardedTotal.format(ctx.i18n.locale),
    })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return {
        awarded: result.awarded,
        waitlisted: result.waitlisted,
        rejected: result.rejected,
        awardedCentimes: result.awardedTotal.centimes,
        message,
      }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.call_rankings.show', { id: call.id })
  }
}
