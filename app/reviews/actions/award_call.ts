import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Decision from '#reviews/models/decision'
import { awardAmountFor } from '#reviews/award_amounts'
import { rank, selectWithinEnvelope } from '#reviews/ranking'
import { awardThresholdOf, scoredApplications } from '#reviews/ranking_candidates'
import {
  BELOW_THRESHOLD_REASON,
  STANDARD_CONDITIONS,
  availableCentimes,
  grantAward,
  lockApplications,
  lockCall,
  moveApplicationTo,
  nextReservePosition,
  notifyDecisions,
} from '#reviews/award_budget'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { afterCommit, inTransaction } from '#core/transactions'

/**
 * The award run of a call (DESIGN §5): ranks the undecided applications in review,
 * awards greedily within what is left of the envelope, puts the rest above the threshold
 * on the reserve list and rejects those below it. One transaction under the call's row
 * lock, so parallel runs or manual decisions queue up; already decided applications are
 * never decided again, so running it twice changes nothing. Applicants are mailed once
 * it has committed (the caller's transaction, when one is given: the demo seed).
 */
export class AwardCall {
  async handle(callId: number, actor: Actor, outerClient?: TransactionClientContract) {
    const decisions = await inTransaction(outerClient, async (client) => {
      const { call, programme } = await lockCall(callId, client)
      const threshold = await awardThresholdOf(callId, client)
      const scored = await scoredApplications(callId, programme.kind, client)
      const applications = await lockApplications(
        scored.map((item) => item.applicationId),
        client
      )
      // Rows that moved on (withdrawn…) between the read and the lock are left alone.
      const candidates = scored
        .filter((item) => applications.get(item.applicationId)?.state === 'in_review')
        .map((item) => ({
          ...item,
          amountCentimes: awardAmountFor(programme, item.requestedMad),
        }))
      const { ranked, below } = rank(candidates, threshold)
      const { awarded, reserve } = selectWithinEnvelope(ranked, availableCentimes(call))
      let reservePosition = await nextReservePosition(callId, client)
      const written: Decision[] = []

      for (const candidate of awarded) {
        const decision = new Decision().merge({
          callId,
          applicationId: candidate.applicationId,
          finalScore: candidate.finalScore,
          rank: candidate.rank,
          decidedBy: actor.id!,
        })
        await grantAward(
          call,
          decision,
          applications.get(candidate.applicationId)!,
          { amountCentimes: candidate.amountCentimes, conditions: STANDARD_CONDITIONS },
          actor,
          client
        )
        written.push(decision)
      }
      for (const candidate of reserve) {
        const decision = await Decision.create(
          {
            callId,
            applicationId: candidate.applicationId,
            outcome: 'waitlisted',
            finalScore: candidate.finalScore,
            rank: candidate.rank,
            reservePosition: reservePosition++,
            conditions: [],
            reasons: [],
            decidedBy: actor.id!,
          },
          { client }
        )
        await moveApplicationTo(
          applications.get(candidate.applicationId)!,
          'waitlisted',
          actor,
          client
        )
        written.push(decision)
      }
      for (const candidate of below) {
        const decision = await Decision.create(
          {
            callId,
            applicationId: candidate.applicationId,
            outcome: 'rejected',
            finalScore: candidate.finalScore,
            conditions: [],
            reasons: [BELOW_THRESHOLD_REASON],
            decidedBy: actor.id!,
          },
          { client }
        )
        await moveApplicationTo(
          applications.get(candidate.applicationId)!,
          'rejected',
          actor,
          client,
          BELOW_THRESHOLD_REASON
        )
        written.push(decision)
      }
      await recordAudit(
        {
          actor,
          action: 'call.award_run',
          subjectType: 'call',
          subjectId: callId,
          metadata: {
            awarded: awarded.length,
            waitlisted: reserve.length,
            rejected: below.length,
            committedCentimes: call.committedCentimes,
          },
        },
        client
      )
      return written
    })
    await afterCommit(outerClient, () => notifyDecisions(decisions))
    return {
      awarded: decisions.filter((decision) => decision.outcome === 'awarded').length,
      waitlisted: decisions.filter((decision) => decision.outcome === 'waitlisted').length,
      rejected: decisions.filter((decision) => decision.outcome === 'rejected').length,
    }
  }
}
