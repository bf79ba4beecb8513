import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Decision from '#reviews/models/decision'
import { awardAmountFor } from '#reviews/award_amounts'
import { rank, selectWithinEnvelope } from '#reviews/ranking'
import { awardThresholdOf, scoredApplications } from '#reviews/ranking_candidates'
import {
  BELOW_THRESHOLD_REASON,
  STANDARD_CONDITIONS,
  availableCentimes,
  lockApplications,
  lockCall,
  nextReservePosition,
} from '#reviews/award_budget'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { inTransaction } from '#core/transactions'

/**
 * The award run of a call (DESIGN §5), as a preview: ranks the applications in review
 * that have no published decision, awards greedily within what is left of the envelope,
 * puts the rest above the threshold on the reserve list and rejects those below it, and
 * writes these decisions unpublished. Nothing else moves: no application state, no
 * budget commitment, no mail; the applicant sees nothing. Running it again replaces the
 * previous preview. `PublishDecisions` makes a preview final. One transaction under the
 * call's row lock, so runs, publications and manual decisions queue up.
 */
export class AwardCall {
  async handle(callId: number, actor: Actor, outerClient?: TransactionClientContract) {
    return inTransaction(outerClient, async (client) => {
      const { call, programme } = await lockCall(callId, client)
      await Decision.query({ client }).where('call_id', callId).whereNull('published_at').delete()
      const threshold = await awardThresholdOf(callId, client)
      const scored = await scoredApplications(callId, client)
      const applications = await lockApplications(
        scored.map((item) => item.applicationId),
        client
      )
      // Rows that moved on (withdrawn…) between the read and the lock are left alone.
      const candidates = scored
        .filter((item) => applications.get(item.applicationId)?.state === 'in_review')
        .map((item) => ({
          ...item,
          amountCentimes: awardAmountFor(programme, item.requested).centimes,
        }))
      const { ranked, below } = rank(candidates, threshold)
      const { awarded, reserve } = selectWithinEnvelope(ranked, availableCentimes(call))
      let reservePosition = await nextReservePosition(callId, client)
      const common = { callId, decidedBy: actor.id!, publishedAt: null, reasons: [] }
      const rows = [
        ...awarded.map((candidate) => ({
          ...common,
          applicationId: candidate.applicationId,
          outcome: 'awarded',
          finalScore: candidate.finalScore,
          rank: candidate.rank,
          amountCentimes: candidate.amountCentimes,
          conditions: STANDARD_CONDITIONS,
        })),
        ...reserve.map((candidate) => ({
          ...common,
          applicationId: candidate.applicationId,
          outcome: 'waitlisted',
          finalScore: candidate.finalScore,
          rank: candidate.rank,
          reservePosition: reservePosition++,
          conditions: [],
        })),
        ...below.map((candidate) => ({
          ...common,
          applicationId: candidate.applicationId,
          outcome: 'rejected',
          finalScore: candidate.finalScore,
          conditions: [],
          reasons: [BELOW_THRESHOLD_REASON],
        })),
      ]
      if (rows.length > 0) await Decision.createMany(rows, { client })
      const result = { awarded: awarded.length, waitlisted: reserve.length, rejected: below.length }
      await recordAudit(
        {
          actor,
          action: 'call.award_preview',
          subjectType: 'call',
          subjectId: callId,
          metadata: {
            ...result,
            previewCentimes: awarded.reduce((sum, item) => sum + item.amountCentimes, 0),
          },
        },
        client
      )
      return result
    })
  }
}
