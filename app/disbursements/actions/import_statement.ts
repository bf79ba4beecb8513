import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Actor } from '#core/audit/actor'
import { InvalidFields } from '#core/exceptions/domain_error'
import Tranche from '#disbursements/models/tranche'
import { trancheLifecycle, type TrancheState } from '#disbursements/tranche_lifecycle'
import { settleTranchePaid } from '#disbursements/payouts'
import { parseCamt053 } from '#disbursements/rails/camt053'
import { parseStatementCsv } from '#disbursements/rails/bank_csv'
import { InvalidStatement, type StatementEntry } from '#disbursements/rails/statement_entry'
import { matchStatement, type Mismatch } from '#disbursements/reconciliation'

export interface ImportStatementInput {
  format: 'camt053' | 'csv'
  content: string
  actor: Actor
}

export interface ImportStatementResult {
  settled: number
  reconciled: number
  alreadyReconciled: number
  mismatches: Mismatch[]
}

/**
 * Reconciles a bank statement (DESIGN §6): each line matched by EndToEndId and amount
 * settles its tranche if the bank transfer was still unconfirmed (→ paid) and then marks
 * it reconciled. Lines that do not match are listed and left alone. Everything applied
 * is applied in one transaction: a failure half-way leaves nothing behind.
 */
export class ImportStatement {
  async handle({ format, content, actor }: ImportStatementInput): Promise<ImportStatementResult> {
    const entries = this.parse(format, content)
    const keys = [...new Set(entries.map((entry) => entry.reference).filter(Boolean))]
    const tranches = await db
      .from('tranches')
      .whereIn('idempotency_key', keys)
      .select('id', 'idempotency_key', 'amount_centimes', 'state')
    const match = matchStatement(
      entries,
      tranches.map((row) => ({
        id: row.id,
        key: row.idempotency_key,
        amountCentimes: Number(row.amount_centimes),
        state: row.state,
      }))
    )

    const { settled, reconciled } = await db.transaction(async (client) => {
      let settledCount = 0
      for (const { trancheId, entry } of match.toSettle) {
        const didSettle = await settleTranchePaid(client, trancheId, {
          actor,
          rail: 'bank',
          bankReference: entry.reference,
          paidAt: this.bookingTime(entry),
        })
        if (didSettle) settledCount++
      }
      let reconciledCount = 0
      for (const { trancheId } of [...match.toSettle, ...match.toReconcile]) {
        const tranche = (await Tranche.query({ client })
          .where('id', trancheId)
          .forUpdate()
          .firstOrFail()) as Tranche & { state: TrancheState }
        if (tranche.state !== 'paid') continue
        tranche.reconciledAt = DateTime.utc()
        await trancheLifecycle.apply(tranche, 'reconciled', {
          actor,
          client,
          metadata: { statement: format },
        })
        reconciledCount++
      }
      // Runs whose every tranche is settled are done.
      await client.rawQuery(
        `UPDATE payment_batches b SET state = 'executed', updated_at = now()
          WHERE b.state = 'executing'
            AND b.id IN (SELECT batch_id FROM tranches WHERE id = ANY(?))
            AND NOT EXISTS (SELECT 1 FROM tranches t WHERE t.batch_id = b.id
                             AND t.state IN ('approved', 'submitting'))`,
        [[...match.toSettle, ...match.toReconcile].map((item) => item.trancheId)]
      )
      return { settled: settledCount, reconciled: reconciledCount }
    })
    return {
      settled,
      reconciled,
      alreadyReconciled: match.alreadyReconciled.length,
      mismatches: match.mismatches,
    }
  }

  private parse(format: ImportStatementInput['format'], content: string): StatementEntry[] {
    try {
      return format === 'camt053' ? parseCamt053(content) : parseStatementCsv(content)
    } catch (error) {
      if (error instanceof InvalidStatement) {
        throw new InvalidFields([
          { field: 'statement', message: 'payments.errors.unreadable_statement' },
        ])
      }
      throw error
    }
  }

  private bookingTime(entry: StatementEntry) {
    const booked = entry.bookedOn
      ? DateTime.fromISO(entry.bookedOn, { zone: 'Africa/Casablanca' })
      : null
    return booked?.isValid ? booked.toUTC() : DateTime.utc()
  }
}
