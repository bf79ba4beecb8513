import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import PaymentBatch from '#disbursements/models/payment_batch'
import { assertWithinBudget } from '#disbursements/payouts'
import { paymentRunReference, type PaymentRail } from '#disbursements/payment_runs'

export interface PreparePaymentRunInput {
  rail: PaymentRail
  trancheIds: number[]
  actor: Actor
}

/**
 * Gathers approved tranches into a payment run (DESIGN §6), set-based: one insert, one
 * guarded update, one budget check, whatever the number of tranches. The run's business
 * key makes a second preparation of the same selection find the first (nothing created).
 * All or nothing: a tranche not approved, already in a run, without the account its rail
 * needs, or beyond the award or the call's budget refuses the whole run.
 */
export class PreparePaymentRun {
  async handle({ rail, trancheIds, actor }: PreparePaymentRunInput) {
    const ids = [...new Set(trancheIds)]
    const reference = paymentRunReference(rail, ids)
    return db.transaction(async (client) => {
      const { rows: inserted } = await client.rawQuery(
        `INSERT INTO payment_batches (rail, state, reference, tranche_count, total_centimes,
            prepared_by, created_at, updated_at)
          VALUES (?, 'prepared', ?, 0, 0, ?, now(), now())
          ON CONFLICT (reference) DO NOTHING RETURNING id`,
        [rail, reference, actor.id!]
      )
      if (inserted.length === 0) {
        const existing = await PaymentBatch.query({ client })
          .where('reference', reference)
          .firstOrFail()
        return { batch: existing, created: false }
      }
      const batchId = inserted[0].id as number

      const { rows: scope } = await client.rawQuery(
        `SELECT array_agg(DISTINCT agreement_id) AS agreements, array_agg(DISTINCT call_id) AS calls
           FROM tranches WHERE id = ANY(?)`,
        [ids]
      )
      const budgetScope = {
        agreementIds: (scope[0].agreements ?? []) as number[],
        callIds: (scope[0].calls ?? []) as number[],
      }
      const accountColumn = rail === 'stripe' ? 'stripe_account_id' : 'iban_encrypted'
      const { rows: taken } = await client.rawQuery(
        `WITH taken AS (
           UPDATE tranches t SET batch_id = ?, updated_at = now()
             FROM agreements a
            WHERE t.id = ANY(?) AND t.state = 'approved' AND t.batch_id IS NULL
              AND a.id = t.agreement_id AND a.${accountColumn} IS NOT NULL
           RETURNING t.amount_centimes, t.call_id)
         SELECT count(*)::int AS count, coalesce(sum(amount_centimes), 0)::bigint AS total,
                min(call_id) AS first_call, max(call_id) AS last_call
           FROM taken`,
        [batchId, ids]
      )
      const { count, total, first_call: firstCall, last_call: lastCall } = taken[0]
      if (ids.length === 0 || count !== ids.length) {
        throw new DomainError('payments.errors.not_payable', {
          data: { count: ids.length - count },
        })
      }
      await assertWithinBudget(client, budgetScope, batchId)

      const batch = await PaymentBatch.findOrFail(batchId, { client })
      batch.merge({
        trancheCount: count,
        totalCentimes: Number(total),
        callId: firstCall === lastCall ? firstCall : null,
        preparedBy: actor.id!,
      })
      await batch.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'payment_batch.prepared',
          subjectType: 'payment_batch',
          subjectId: batchId,
          toState: 'prepared',
          metadata: { rail, reference, trancheCount: count, totalCentimes: Number(total) },
        },
        client
      )
      return { batch, created: true }
    })
  }
}
