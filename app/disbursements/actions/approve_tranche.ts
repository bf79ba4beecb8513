import db from '@adonisjs/lucid/services/db'
import { trancheLifecycle } from '#disbursements/tranche_lifecycle'
import { approvalHeadroom, engagedOnAgreement, inFlightOnCall } from '#disbursements/ledger'
import { lockTrancheWithCall } from '#disbursements/tranches'
import { DomainError } from '#core/exceptions/domain_error'
import { nowInCasablanca } from '#core/casablanca_time'
import { Money } from '#core/money'
import type { Actor } from '#core/audit/actor'

/**
 * A second finance officer approves a verified tranche for payment. Never beyond the
 * award (approved + in payment + paid ≤ the agreement's total) nor beyond what the call
 * committed and has not paid. The call and agreement rows are locked first (order: call
 * → agreement → tranche), so concurrent approvals are checked one after the other.
 * Four-eyes is the policy's rule, and the database's (`tranches_four_eyes_check`).
 */
export class ApproveTranche {
  async handle(trancheId: number, actor: Actor, locale = 'fr') {
    return db.transaction(async (client) => {
      const locked = await lockTrancheWithCall(trancheId, client)
      if (!locked) throw new DomainError('tranches.errors.not_found', { status: 404 })
      const { call, agreement, tranche } = locked
      trancheLifecycle.assert(tranche.state, 'approved')

      const headroom = approvalHeadroom({
        agreementTotalCentimes: agreement.totalCentimes,
        agreementEngagedCentimes: await engagedOnAgreement(client, agreement.id, tranche.id),
        callCommittedCentimes: call.committedCentimes,
        callDisbursedCentimes: call.disbursedCentimes,
        callInFlightCentimes: await inFlightOnCall(client, tranche.callId, tranche.id),
      })
      const format = (centimes: number) => Money.ofCentimes(Math.max(centimes, 0)).format(locale)
      if (tranche.amountCentimes > headroom.award) {
        throw new DomainError('tranches.errors.beyond_award', {
          status: 422,
          code: 'E_BEYOND_AWARD',
          data: { amount: format(tranche.amountCentimes), remaining: format(headroom.award) },
        })
      }
      if (tranche.amountCentimes > headroom.call) {
        throw new DomainError('tranches.errors.beyond_envelope', {
          status: 422,
          code: 'E_BEYOND_ENVELOPE',
          data: { amount: format(tranche.amountCentimes), remaining: format(headroom.call) },
        })
      }
      tranche.merge({ approvedBy: actor.id, approvedAt: nowInCasablanca().toUTC() })
      return trancheLifecycle.apply(tranche, 'approved', {
        actor,
        client,
        metadata: { amountCentimes: tranche.amountCentimes },
      })
    })
  }
}
