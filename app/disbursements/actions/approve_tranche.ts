import db from '@adonisjs/lucid/services/db'
import Tranche from '#disbursements/models/tranche'
import Agreement from '#disbursements/models/agreement'
import { trancheLifecycle } from '#disbursements/tranche_lifecycle'
import { approvalHeadroom, engagedOnAgreement, inFlightOnCall } from '#disbursements/ledger'
import type { StatefulTranche } from '#disbursements/tranches'
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
      const found = await client
        .from('tranches')
        .where('id', trancheId)
        .select('call_id', 'agreement_id')
        .first()
      if (!found) throw new DomainError('tranches.errors.not_found', { status: 404 })
      const call = await client
        .from('calls')
        .where('id', found.call_id)
        .forUpdate()
        .select('committed_centimes', 'disbursed_centimes')
        .firstOrFail()
      const agreement = await Agreement.query({ client })
        .where('id', found.agreement_id)
        .forUpdate()
        .firstOrFail()
      const tranche = (await Tranche.query({ client })
        .where('id', trancheId)
        .forUpdate()
        .firstOrFail()) as StatefulTranche
      trancheLifecycle.assert(tranche.state, 'approved')

      const headroom = approvalHeadroom({
        agreementTotalCentimes: agreement.totalCentimes,
        agreementEngagedCentimes: await engagedOnAgreement(client, agreement.id, tranche.id),
        callCommittedCentimes: Number(call.committed_centimes),
        callDisbursedCentimes: Number(call.disbursed_centimes),
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
