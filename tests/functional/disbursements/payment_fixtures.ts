import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { userWithRoles } from '#database/factories/user_factory'
import Decision from '#reviews/models/decision'
import Agreement from '#disbursements/models/agreement'
import Tranche from '#disbursements/models/tranche'
import { payoutKey } from '#disbursements/payouts'
import { encryptIban } from '#disbursements/bank_details'
import type Call from '#programmes/models/call'

/*
| Agreements with approved tranches, built directly with the models until the agreement
| factory (D1) lands: a call whose ledger has committed the award, an application
| contracted, its decision accepted, and tranches verified and approved by two people.
*/

export const DEMO_IBAN = 'MA64011519000001205000534921'

export interface AgreementSetup {
  call: Call
  agreement: Agreement
  tranches: Tranche[]
}

export async function agreementWithApprovedTranches(
  options: {
    amounts?: number[]
    totalCentimes?: number
    /** What the call committed; the award by default. */
    committedCentimes?: number
    stripeAccountId?: string | null
    iban?: string | null
    call?: Call
  } = {}
): Promise<AgreementSetup> {
  const amounts = options.amounts ?? [100_000_00]
  const total = options.totalCentimes ?? amounts.reduce((sum, amount) => sum + amount, 0)
  const call = options.call ?? (await openCallOf())
  const committed =
    (options.call ? call.committedCentimes : 0) + (options.committedCentimes ?? total)
  call.merge({
    envelopeCentimes: Math.max(call.envelopeCentimes, committed),
    committedCentimes: committed,
  })
  await call.save()

  const [beneficiary, officer, verifier, approver] = await Promise.all([
    userWithRoles('applicant'),
    userWithRoles('programme_officer'),
    userWithRoles('finance_officer'),
    userWithRoles('finance_officer'),
  ])
  const application = await draftOf(beneficiary, call)
  application.state = 'contracted'
  await application.save()
  const decision = await Decision.create({
    callId: call.id,
    applicationId: application.id,
    outcome: 'awarded',
    amountCentimes: total,
    decidedBy: officer.id,
    response: 'accepted',
    respondedAt: DateTime.utc(),
    publishedAt: DateTime.utc(),
  })
  const iban = options.iban === undefined ? DEMO_IBAN : options.iban
  const agreement = await Agreement.create({
    decisionId: decision.id,
    callId: call.id,
    applicationId: application.id,
    beneficiaryId: beneficiary.id,
    kind: 'startup_offer',
    totalCentimes: total,
    accountHolder: beneficiary.fullName,
    ibanEncrypted: iban ? encryptIban(iban) : null,
    ibanLast4: iban ? iban.slice(-4) : null,
    bic: iban ? 'BCMAMAMC' : null,
    stripeAccountId:
      options.stripeAccountId === undefined
        ? `acct_${String(beneficiary.id).padStart(16, '0')}`
        : options.stripeAccountId,
  })
  const tranches: Tranche[] = []
  for (const [index, amount] of amounts.entries()) {
    const tranche = await Tranche.create({
      agreementId: agreement.id,
      callId: call.id,
      sequence: index + 1,
      amountCentimes: amount,
      state: 'approved',
      // Temporary: the key names the tranche id, known once inserted.
      idempotencyKey: `pending:${agreement.id}:${index + 1}`,
      verifiedBy: verifier.id,
      verifiedAt: DateTime.utc(),
      approvedBy: approver.id,
      approvedAt: DateTime.utc(),
    })
    tranche.idempotencyKey = payoutKey(tranche.id)
    await tranche.save()
    tranches.push(tranche)
  }
  return { call, agreement, tranches }
}

/**
 * Deletes what committed tests created (the audit log is append-only and stays; its
 * entries name ids that are never reused).
 */
export async function deletePaymentRows(calls: Call[]) {
  if (calls.length === 0) return
  const callIds = calls.map((call) => call.id)
  const batches = await db
    .from('tranches')
    .whereIn('call_id', callIds)
    .whereNotNull('batch_id')
    .distinct('batch_id')
  await db.from('ledger_entries').whereIn('call_id', callIds).delete()
  await db.from('tranches').whereIn('call_id', callIds).delete()
  await db
    .from('payment_batches')
    .whereIn(
      'id',
      batches.map((row) => row.batch_id)
    )
    .delete()
  for (const table of ['agreements', 'decisions', 'applications']) {
    await db.from(table).whereIn('call_id', callIds).delete()
  }
  await db.from('calls').whereIn('id', callIds).delete()
  await db
    .from('programmes')
    .whereIn(
      'id',
      calls.map((call) => call.programmeId)
    )
    .delete()
}

/** One column of one row, for assertions. */
export async function columnOf(table: string, id: number | string, column: string) {
  const row = await db.from(table).where('id', id).firstOrFail()
  return row[column]
}
