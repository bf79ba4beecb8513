import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import { applicationLifecycle, type ApplicationState } from '#applications/application_lifecycle'
import Application from '#applications/models/application'
import Tranche from '#disbursements/models/tranche'
import { trancheLifecycle, type TrancheState } from '#disbursements/tranche_lifecycle'

/*
| The money side of a payment (DESIGN §6): claiming approved tranches for a rail, checking
| the budget before any money leaves, and settling a paid tranche in the agreement, the
| call's ledger and the application, all in the caller's transaction.
*/

/** Our own idempotency key of a tranche's payout, stored in tranches.idempotency_key. */
export function payoutKey(trancheId: number) {
  return `payout:${trancheId}`
}

const CHECK_VIOLATION = '23514'

function isCheckViolation(error: unknown, constraint: string) {
  const pgError = error as { code?: string; constraint?: string }
  return pgError?.code === CHECK_VIOLATION && pgError.constraint === constraint
}

/**
 * Locks the calls and agreements a payment touches, in the order every writer of
 * disbursements takes them (call → agreement → tranche), so two never wait on each other.
 */
export async function lockPaymentScope(
  client: TransactionClientContract,
  scope: { agreementIds: number[]; callIds: number[] }
) {
  await client.rawQuery('SELECT id FROM calls WHERE id = ANY(?) ORDER BY id FOR UPDATE', [
    scope.callIds,
  ])
  await client.rawQuery('SELECT id FROM agreements WHERE id = ANY(?) ORDER BY id FOR UPDATE', [
    scope.agreementIds,
  ])
}

/**
 * Refuses, before anything is sent to a rail, tranches whose payment would take an
 * agreement beyond its award or a call beyond what it committed, counting every tranche
 * in flight (`submitting`), the ones just claimed included. Before money moves, the
 * caller holds the locks of `lockPaymentScope`, so two claims cannot both pass on the same
 * remainder; preparing a run checks without locks (it moves nothing: the claims re-check).
 */
export async function assertWithinBudget(
  client: TransactionClientContract,
  scope: { agreementIds: number[]; callIds: number[] },
  /** A run being prepared: its tranches count as in flight too (ids start at 1). */
  pendingBatchId: number | null = null
) {
  const { rows: agreements } = await client.rawQuery(
    `SELECT a.id FROM agreements a
       JOIN (SELECT agreement_id, sum(amount_centimes) AS in_flight FROM tranches
              WHERE agreement_id = ANY(?) AND (state = 'submitting' OR batch_id = ?)
              GROUP BY agreement_id) t ON t.agreement_id = a.id
      WHERE a.paid_centimes + t.in_flight > a.total_centimes
      LIMIT 1`,
    [scope.agreementIds, pendingBatchId ?? 0]
  )
  if (agreements.length > 0) {
    throw new DomainError('payments.errors.beyond_award', {
      code: 'E_BEYOND_AWARD',
      data: { agreement: agreements[0].id },
    })
  }
  const { rows: calls } = await client.rawQuery(
    `SELECT c.id FROM calls c
       JOIN (SELECT call_id, sum(amount_centimes) AS in_flight FROM tranches
              WHERE call_id = ANY(?) AND (state = 'submitting' OR batch_id = ?)
              GROUP BY call_id) t ON t.call_id = c.id
      WHERE c.disbursed_centimes + t.in_flight > c.committed_centimes
      LIMIT 1`,
    [scope.callIds, pendingBatchId ?? 0]
  )
  if (calls.length > 0) {
    throw new DomainError('payments.errors.beyond_commitments', {
      code: 'E_BEYOND_COMMITMENTS',
      data: { call: calls[0].id },
    })
  }
}

export interface SettlementOptions {
  actor: Actor
  rail: 'stripe' | 'bank'
  stripeTransferId?: string
  bankReference?: string
  paidAt?: DateTime
}

/**
 * Settles a tranche the rail has paid: tranche → paid, the agreement's and the call's
 * paid sums, one `disburse` ledger entry, the application contracted → disbursing
 * (→ completed when the agreement is fully paid), each audited. Idempotent: a tranche
 * already paid is left as it is (returns false). The CHECK constraints on agreements and
 * calls are the backstop of `assertWithinBudget`.
 */
export async function settleTranchePaid(
  client: TransactionClientContract,
  trancheId: number,
  options: SettlementOptions
): Promise<boolean> {
  const scope = await client
    .from('tranches')
    .where('id', trancheId)
    .select('agreement_id', 'call_id')
    .firstOrFail()
  await lockPaymentScope(client, { agreementIds: [scope.agreement_id], callIds: [scope.call_id] })
  const tranche = await Tranche.query({ client }).where('id', trancheId).forUpdate().firstOrFail()
  if (tranche.state === 'paid' || tranche.state === 'reconciled') return false

  const agreement = await updateOrRefuse(
    () =>
      client.rawQuery(
        `UPDATE agreements SET paid_centimes = paid_centimes + ?,
            state = CASE WHEN paid_centimes + ? = total_centimes THEN 'completed' ELSE state END,
            updated_at = now()
          WHERE id = ? RETURNING application_id, paid_centimes, total_centimes`,
        [tranche.amountCentimes, tranche.amountCentimes, tranche.agreementId]
      ),
    'agreements_values_check',
    'payments.errors.beyond_award'
  )
  await updateOrRefuse(
    () =>
      client.rawQuery(
        'UPDATE calls SET disbursed_centimes = disbursed_centimes + ?, updated_at = now() WHERE id = ? RETURNING id',
        [tranche.amountCentimes, tranche.callId]
      ),
    'calls_ledger_check',
    'payments.errors.beyond_commitments'
  )
  await client.table('ledger_entries').insert({
    call_id: tranche.callId,
    kind: 'disburse',
    amount_centimes: tranche.amountCentimes,
    tranche_id: tranche.id,
    actor_id: options.actor.id,
    created_at: new Date(),
  })

  tranche.paidAt = options.paidAt ?? DateTime.utc()
  tranche.failureReason = null
  if (options.stripeTransferId) tranche.stripeTransferId = options.stripeTransferId
  if (options.bankReference) tranche.bankReference = options.bankReference
  await trancheLifecycle.apply(tranche as Tranche & { state: TrancheState }, 'paid', {
    actor: options.actor,
    client,
    metadata: {
      rail: options.rail,
      amountCentimes: tranche.amountCentimes,
      stripeTransferId: options.stripeTransferId ?? null,
      bankReference: options.bankReference ?? null,
    },
  })

  const fullyPaid = Number(agreement.paid_centimes) === Number(agreement.total_centimes)
  await advanceApplication(client, agreement.application_id, fullyPaid, options.actor)
  return true
}

/** A tranche the rail refused for good: failed, with the reason, audited. */
export async function failTranche(
  client: TransactionClientContract,
  trancheId: number,
  reason: string,
  actor: Actor
) {
  const tranche = await Tranche.query({ client }).where('id', trancheId).forUpdate().firstOrFail()
  if (tranche.state !== 'submitting') return false
  tranche.failureReason = reason
  await trancheLifecycle.apply(tranche as Tranche & { state: TrancheState }, 'failed', {
    actor,
    client,
    reason,
  })
  return true
}

async function updateOrRefuse(
  update: () => Promise<{ rows: any[] }>,
  constraint: string,
  translationKey: string
) {
  try {
    const { rows } = await update()
    return rows[0]
  } catch (error) {
    if (isCheckViolation(error, constraint)) {
      throw new DomainError(translationKey, { code: 'E_BUDGET_CONSTRAINT' })
    }
    throw error
  }
}

async function advanceApplication(
  client: TransactionClientContract,
  applicationId: number,
  fullyPaid: boolean,
  actor: Actor
) {
  const application = await Application.query({ client })
    .where('id', applicationId)
    .forUpdate()
    .firstOrFail()
  const record = application as Application & { state: ApplicationState }
  if (record.state === 'contracted') {
    await applicationLifecycle.apply(record, 'disbursing', { actor, client })
  }
  if (fullyPaid && record.state === 'disbursing') {
    await applicationLifecycle.apply(record, 'completed', { actor, client })
  }
}
