import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Agreement from '#disbursements/models/agreement'
import Tranche from '#disbursements/models/tranche'
import type { TrancheState } from '#disbursements/tranche_lifecycle'

/** A tranche whose state the lifecycle can move (the generated column is a plain string). */
export type StatefulTranche = Tranche & { state: TrancheState }

/**
 * Our own idempotency key of a tranche's payment (DESIGN §10), fixed at creation from
 * the agreement and the tranche's place in it (both unique together).
 */
export function trancheIdempotencyKey(agreementId: number, sequence: number) {
  return `payout:${agreementId}-${sequence}`
}

/**
 * Locks a tranche and its agreement for a change, agreement first: every writer takes
 * the locks in the order call → agreement → tranche, so two never wait on each other.
 */
export async function lockTrancheWithAgreement(
  trancheId: number,
  client: TransactionClientContract
) {
  const found = await Tranche.query({ client })
    .where('id', trancheId)
    .select('agreement_id')
    .first()
  if (!found) return null
  return lockAgreementThenTranche(found.agreementId, trancheId, client)
}

/**
 * The same, with the call's budget row locked first: an approval checks the call's
 * headroom, which concurrent approvals on other agreements of the call also spend.
 */
export async function lockTrancheWithCall(trancheId: number, client: TransactionClientContract) {
  const found = await Tranche.query({ client })
    .where('id', trancheId)
    .select('agreement_id', 'call_id')
    .first()
  if (!found) return null
  const call = await client
    .from('calls')
    .where('id', found.callId)
    .forUpdate()
    .select('committed_centimes', 'disbursed_centimes')
    .firstOrFail()
  return {
    call: {
      committedCentimes: Number(call.committed_centimes),
      disbursedCentimes: Number(call.disbursed_centimes),
    },
    ...(await lockAgreementThenTranche(found.agreementId, trancheId, client)),
  }
}

async function lockAgreementThenTranche(
  agreementId: number,
  trancheId: number,
  client: TransactionClientContract
) {
  const agreement = await Agreement.query({ client })
    .where('id', agreementId)
    .forUpdate()
    .firstOrFail()
  const tranche = (await Tranche.query({ client })
    .where('id', trancheId)
    .forUpdate()
    .firstOrFail()) as StatefulTranche
  return { agreement, tranche }
}
