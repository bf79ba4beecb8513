import type { HttpContext } from '@adonisjs/core/http'
import Call from '#programmes/models/call'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { previewRanking } from '#reviews/ranking_preview'

/**
 * The officer's preview of a call's ranking against its threshold and envelope, or of the
 * decisions an award run prepared, before they are published.
 */
export default class CallRankingsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(DecisionPolicy).authorize('award')
    const call = await Call.query().where('id', ctx.params.id).preload('programme').firstOrFail()
    const ranking = await previewRanking(call)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return {
        threshold: ranking.threshold,
        envelopeCentimes: ranking.envelopeCentimes,
        alreadyCommittedCentimes: ranking.alreadyCommittedCentimes,
        selectedCentimes: ranking.selectedCentimes,
        prepared: ranking.prepared,
        rows: ranking.rows.map((row) => ({
          applicationId: row.applicationId,
          reference: row.reference,
          rank: row.rank,
          finalScore: row.finalScore,
          meanScore: row.meanScore,
          amountCentimes: row.amountCentimes,
          outcome: row.outcome,
          reservePosition: row.reservePosition,
        })),
      }
    }
    return ctx.view.render('pages/reviews/decisions/ranking', { call, ranking })
  }
}
