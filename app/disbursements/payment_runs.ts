import { createHash } from 'node:crypto'
import env from '#start/env'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/audit/actor'
import encryption from '@adonisjs/core/services/encryption'
import type { BankTransfer, DebtorAccount } from '#disbursements/rails/bank_transfer'
import type PaymentBatch from '#disbursements/models/payment_batch'
import { buildBankCsv } from '#disbursements/rails/bank_csv'
import { buildPain001 } from '#disbursements/rails/pain001'
import { nowInCasablanca } from '#core/casablanca_time'

/**
 * The purpose bank accounts are encrypted with (#disbursements/bank_details). TODO: use an
 * exported `decryptIban` from bank_details once it has one.
 */
const BANK_ACCOUNT_PURPOSE = 'agreement.bank_account'

function decryptIban(ciphertext: string) {
  return encryption.decrypt<string>(ciphertext, BANK_ACCOUNT_PURPOSE)
}

export const PAYMENT_RAILS = ['stripe', 'bank'] as const
export type PaymentRail = (typeof PAYMENT_RAILS)[number]

/** Runs of at most this many tranches (a pain.001 file stays in what banks accept). */
export const MAX_TRANCHES_PER_RUN = 20_000

/**
 * The business key of a run: the rail and the set of tranches, whatever their order.
 * Preparing the same run twice finds it (payment_batches.reference is unique); it is
 * also the pain.001 MsgId (≤ 35 characters).
 */
export function paymentRunReference(rail: PaymentRail, trancheIds: number[]) {
  const ids = [...new Set(trancheIds)].sort((a, b) => a - b)
  const digest = createHash('sha256')
    .update(`${rail}:${ids.join(',')}`)
    .digest('hex')
  return `PR-${rail}-${digest.slice(0, 24)}`
}

/** BullMQ job id of a tranche's Stripe payment (no more than two colons allowed). */
export function payTrancheJobId(trancheId: number) {
  return `payout:${trancheId}:stripe`
}

/** The programme's account, debtor of the bank files (PAYMENTS_DEBTOR_* settings). */
export function programmeDebtor(): DebtorAccount {
  return {
    name: env.get('PAYMENTS_DEBTOR_NAME') ?? 'Manassa',
    iban: env.get('PAYMENTS_DEBTOR_IBAN') ?? '',
    bic: env.get('PAYMENTS_DEBTOR_BIC') ?? '',
  }
}

/**
 * The transfers of a bank run, with each creditor's IBAN decrypted and the read audited
 * (DESIGN §8): one `agreement.bank_account_read` entry per agreement, as
 * `revealBankAccount` writes it, inserted in one statement for the whole run.
 */
export async function bankTransfersOf(
  client: TransactionClientContract,
  batchId: number,
  actor: Actor
): Promise<BankTransfer[]> {
  const rows = await client
    .from('tranches as t')
    .join('agreements as a', 'a.id', 't.agreement_id')
    .where('t.batch_id', batchId)
    .whereIn('t.state', ['submitting', 'paid', 'reconciled'])
    .orderBy('t.id')
    .select(
      't.agreement_id',
      't.sequence',
      't.amount_centimes',
      't.idempotency_key',
      'a.account_holder',
      'a.iban_encrypted',
      'a.iban_last4',
      'a.bic'
    )
  const ibans = new Map<number, string>()
  for (const row of rows) {
    if (ibans.has(row.agreement_id)) continue
    const iban = row.iban_encrypted ? decryptIban(row.iban_encrypted) : null
    if (!iban) throw new Error(`Agreement ${row.agreement_id} has no readable bank account`)
    ibans.set(row.agreement_id, iban)
  }
  await auditBankAccountReads(client, actor, rows)
  return rows.map((row) => ({
    endToEndId: row.idempotency_key,
    amountCentimes: Number(row.amount_centimes),
    creditorName: row.account_holder ?? '',
    iban: ibans.get(row.agreement_id)!,
    bic: row.bic,
    remittance: `Manassa ${row.idempotency_key} / ${row.sequence}`,
  }))
}

async function auditBankAccountReads(
  client: TransactionClientContract,
  actor: Actor,
  rows: Array<{ agreement_id: number; iban_last4: string | null }>
) {
  const agreements = [...new Map(rows.map((row) => [row.agreement_id, row])).values()]
  await client.rawQuery(
    `INSERT INTO audit_logs (actor_id, action, subject_type, subject_id, metadata, request_id,
         ip, created_at)
     SELECT ?::int, 'agreement.bank_account_read', 'agreement', read.id::text,
            jsonb_build_object('last4', read.last4, 'purpose', 'bank_transfer_file'),
            ?::text, ?::text, now()
       FROM unnest(?::int[], ?::text[]) AS read(id, last4)`,
    [
      actor.id ?? null,
      actor.requestId ?? null,
      actor.ip ?? null,
      agreements.map((row) => row.agreement_id),
      agreements.map((row) => row.iban_last4 ?? ''),
    ] as any[]
  )
}

/** A bank run's file, generated on demand from the database (the IBAN reads audited). */
export async function bankFileOf(
  client: TransactionClientContract,
  batch: PaymentBatch,
  format: 'pain001' | 'csv',
  actor: Actor
) {
  const transfers = await bankTransfersOf(client, batch.id, actor)
  if (format === 'csv') {
    return {
      body: buildBankCsv(transfers),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${batch.reference}.csv`,
    }
  }
  return {
    body: buildPain001({
      messageId: batch.reference,
      createdAt: (batch.executedAt ?? batch.createdAt).toJSDate(),
      executionDate: nowInCasablanca().toISODate()!,
      debtor: programmeDebtor(),
      transfers,
    }),
    contentType: 'application/xml; charset=utf-8',
    fileName: `${batch.reference}.xml`,
  }
}
