import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Decision from '#reviews/models/decision'
import {
  availableCentimes,
  grantAward,
  lockApplications,
  lockCall,
  moveApplicationTo,
  notifyDecisions,
} from '#reviews/award_budget'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import { Money } from '#core/money'
import type { Actor } from '#core/audit/actor'
import { afterCommit, inTransaction } from '#core/transactions'
import { requestReleases } from '#reporting/register/release_dispatch'

/**
 * Makes the call's award preview final (DESIGN §5): exactly the decisions the officer
 * looked at, or nothing. Under the call's row lock, in one transaction: each award is
 * committed on the budget (ledger entry; the envelope CHECK as the backstop), each
 * application moves to its outcome, and the decisions are stamped published. The letters
 * and mails go once it has committed. A second publication (double click, a colleague)
 * waits for the lock, finds nothing left unpublished and changes nothing. A preview that
 * no longer holds (an application moved on, the budget left shrank) is refused: run the
 * award again.
 */
export class PublishDecisions {
  async handle(callId: number, actor: Actor, outerClient?: TransactionClientContract) {
    const published = await inTransaction(outerClient, async (client) => {
      const { call } = await lockCall(callId, client)
      const prepared = await Decision.query({ client })
        .where('call_id', callId)
        .whereNull('published_at')
        .orderByRaw(`rank ASC NULLS LAST, final_score DESC, id ASC`)
        .forUpdate()
      if (prepared.length === 0) {
        throw new DomainError('decisions.errors.nothing_to_publish', { status: 409 })
      }
      const applications = await lockApplications(
        prepared.map((decision) => decision.applicationId),
        client
      )
      const awardedCentimes = prepared
        .filter((decision) => decision.outcome === 'awarded')
        .reduce((sum, decision) => sum + decision.amountCentimes!, 0)
      const moved = prepared.some(
        (decision) => applications.get(decision.applicationId)?.state !== 'in_review'
      )
      if (moved || awardedCentimes > availableCentimes(call)) {
        throw new DomainError('decisions.errors.preview_outdated', { status: 409 })
      }

      const now = DateTime.utc()
      for (const decision of prepared) {
        const application = applications.get(decision.applicationId)!
        // Whoever publishes takes the decision (the preview may have been someone else's).
        decision.decidedBy = actor.id!
        if (decision.outcome === 'awarded') {
          await grantAward(
            call,
            decision,
            application,
            { amountCentimes: decision.amountCentimes!, conditions: decision.conditions },
            actor,
            client
          )
          continue
        }
        decision.publishedAt = now
        await decision.useTransaction(client).save()
        await moveApplicationTo(
          application,
          decision.outcome as 'waitlisted' | 'rejected',
          actor,
          client,
          decision.reasons[0]
        )
      }
      await recordAudit(
        {
          actor,
          action: 'call.decisions_published',
          subjectType: 'call',
          subjectId: callId,
          metadata: {
            awarded: prepared.filter((decision) => decision.outcome === 'awarded').length,
            waitlisted: prepared.filter((decision) => decision.outcome === 'waitlisted').length,
            rejected: prepared.filter((decision) => decision.outcome === 'rejected').length,
            awardedCentimes,
            committedCentimes: call.committedCentimes,
          },
        },
        client
      )
      return prepared
    })
    await afterCommit(outerClient, async () => {
      await notifyDecisions(published)
      // The public register (360Giving) gets a release of the call's new awards.
      await requestReleases([callId], 'publication')
    })
    return {
      awarded: published.filter((decision) => decision.outcome === 'awarded').length,
      waitlisted: published.filter((decision) => decision.outcome === 'waitlisted').length,
      rejected: published.filter((decision) => decision.outcome === 'rejected').length,
      awardedTotal: Money.ofCentimes(
        published
          .filter((decision) => decision.outcome === 'awarded')
          .reduce((sum, decision) => sum + decision.amountCentimes!, 0)
      ),
    }
  }
}
