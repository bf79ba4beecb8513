import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import queue from '#core/services/queue'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import PaymentBatch from '#disbursements/models/payment_batch'
import { assertWithinBudget, lockPaymentScope } from '#disbursements/payouts'
import { payTrancheJobId } from '#disbursements/payment_runs'
import { PAY_TRANCHE_JOB } from '#disbursements/actions/pay_tranche'

/**
 * Executes a prepared run once (a second click finds it executing and does nothing).
 * Stripe: one payment job per tranche, dispatched after commit with the tranche's business
 * key as job id; each job claims its tranche. Bank: the tranches are claimed here
 * (approved → submitting, within budget, audited) and the files can be downloaded; the
 * bank statement settles them.
 */
export class ExecutePaymentRun {
  async handle(batchId: number, actor: Actor) {
    const { batch, trancheIds, executed } = await db.transaction(async (client) => {
      const locked = await PaymentBatch.query({ client })
        .where('id', batchId)
        .forUpdate()
        .firstOrFail()
      if (locked.state !== 'prepared') {
        return { batch: locked, trancheIds: [] as number[], executed: false }
      }
      const tranches = await client
        .from('tranches')
        .where('batch_id', batchId)
        .where('state', 'approved')
        .select('id', 'agreement_id', 'call_id')
      const ids = tranches.map((row) => row.id as number)

      if (locked.rail === 'bank' && ids.length > 0) {
        const scope = {
          agreementIds: [...new Set(tranches.map((row) => row.agreement_id as number))],
          callIds: [...new Set(tranches.map((row) => row.call_id as number))],
        }
        await lockPaymentScope(client, scope)
        // Claimed and audited in one statement, whatever the number of tranches.
        await client.rawQuery(
          `WITH claimed AS (
             UPDATE tranches SET state = 'submitting', updated_at = now()
              WHERE batch_id = ? AND state = 'approved' RETURNING id)
           INSERT INTO audit_logs (actor_id, action, subject_type, subject_id, from_state,
               to_state, metadata, request_id, ip, created_at)
           SELECT ?::int, 'tranche.transition', 'tranche', id::text, 'approved', 'submitting',
                  ?::jsonb, ?::text, ?::text, now()
             FROM claimed`,
          [
            batchId,
            actor.id ?? null,
            JSON.stringify({ rail: 'bank', batchId }),
            actor.requestId ?? null,
            actor.ip ?? null,
          ] as any[]
        )
        await assertWithinBudget(client, scope)
      }
      locked.merge({ state: 'executing', executedBy: actor.id, executedAt: DateTime.utc() })
      await locked.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'payment_batch.transition',
          subjectType: 'payment_batch',
          subjectId: batchId,
          fromState: 'prepared',
          toState: 'executing',
          metadata: { rail: locked.rail, trancheCount: ids.length },
        },
        client
      )
      return { batch: locked, trancheIds: ids, executed: true }
    })

    if (executed && batch.rail === 'stripe' && trancheIds.length > 0) {
      await queue.queue().addBulk(
        trancheIds.map((trancheId) => ({
          name: PAY_TRANCHE_JOB,
          data: { trancheId, actor },
          opts: { jobId: payTrancheJobId(trancheId) },
        }))
      )
    }
    return { batch, executed }
  }
}
