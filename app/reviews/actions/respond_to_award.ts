import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Decision from '#reviews/models/decision'
import { applicationLifecycle } from '#applications/application_lifecycle'
import {
  lockApplication,
  lockCall,
  moveCommitted,
  notifyDecisions,
  promoteFromReserve,
} from '#reviews/award_budget'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import { afterCommit, inTransaction } from '#core/transactions'

/**
 * The applicant accepts or declines an award. A decline releases the amount and, in the
 * same transaction under the call's lock (the caller's, when given), promotes the reserve
 * list into the freed budget; the promoted are mailed once it has committed.
 */
export class RespondToAward {
  async handle(
    decision: Decision,
    response: 'accepted' | 'declined',
    actor: Actor,
    outerClient?: TransactionClientContract
  ) {
    const promoted = await inTransaction(outerClient, async (client) => {
      const { call, programme } = await lockCall(decision.callId, client)
      const locked = await Decision.query({ client })
        .where('id', decision.id)
        .forUpdate()
        .firstOrFail()
      if (locked.outcome !== 'awarded' || locked.response !== null || !locked.publishedAt) {
        throw new DomainError('decisions.errors.already_answered', { status: 409 })
      }
      locked.merge({ response, respondedAt: DateTime.utc() })
      await locked.useTransaction(client).save()
      if (response === 'accepted') return []

      const application = await lockApplication(locked.applicationId, client)
      await applicationLifecycle.apply(application, 'declined', { actor, client })
      await moveCommitted(call, 'release', locked.amountCentimes!, locked.id, actor, client)
      return promoteFromReserve(call, programme, actor, client)
    })
    await afterCommit(outerClient, () => notifyDecisions(promoted))
    return promoted
  }
}
