import db from '@adonisjs/lucid/services/db'
import PaymentBatch from '#disbursements/models/payment_batch'

/** Approved tranches listed for selection on one page; larger runs go through the API. */
const SELECTABLE_LIMIT = 500
const BATCH_TRANCHES_PER_PAGE = 100

/** The payment runs page: tranches ready to pay and the latest runs (3 queries). */
export async function paymentRunsPage(_query: Record<string, unknown>) {
  const [payable, runs, totals] = await Promise.all([
    db
      .from('tranches as t')
      .join('agreements as a', 'a.id', 't.agreement_id')
      .join('users as u', 'u.id', 'a.beneficiary_id')
      .join('calls as c', 'c.id', 't.call_id')
      .where('t.state', 'approved')
      .whereNull('t.batch_id')
      .orderBy('t.call_id')
      .orderBy('t.id')
      .limit(SELECTABLE_LIMIT)
      .select(
        't.id',
        't.sequence',
        't.amount_centimes as amountCentimes',
        't.idempotency_key as key',
        'u.full_name as beneficiary',
        'c.title as callTitle',
        db.raw('a.stripe_account_id IS NOT NULL AS "hasStripe"'),
        db.raw('a.iban_encrypted IS NOT NULL AS "hasIban"')
      ),
    PaymentBatch.query().orderBy('id', 'desc').limit(50),
    db
      .from('tranches')
      .where('state', 'approved')
      .whereNull('batch_id')
      .count('* as count')
      .sum('amount_centimes as total')
      .first(),
  ])
  return {
    payable,
    runs,
    payableCount: Number(totals?.count ?? 0),
    payableTotal: Number(totals?.total ?? 0),
    selectableLimit: SELECTABLE_LIMIT,
  }
}

/** One run: its tranches (paginated) and how many are in each state (3 queries). */
export async function paymentRunPage(id: number, page = 1) {
  const batch = await PaymentBatch.findOrFail(id)
  const [tranches, byState] = await Promise.all([
    db
      .from('tranches as t')
      .join('agreements as a', 'a.id', 't.agreement_id')
      .join('users as u', 'u.id', 'a.beneficiary_id')
      .where('t.batch_id', batch.id)
      .orderBy('t.id')
      .select(
        't.id',
        't.state as trancheState',
        't.amount_centimes as amountCentimes',
        't.idempotency_key as key',
        't.stripe_transfer_id as stripeTransferId',
        't.failure_reason as failureReason',
        'u.full_name as beneficiary'
      )
      .paginate(page, BATCH_TRANCHES_PER_PAGE),
    db
      .from('tranches')
      .where('batch_id', batch.id)
      .groupBy('state')
      .select('state')
      .count('* as count')
      .sum('amount_centimes as total'),
  ])
  const counts = byState.map((row) => ({
    name: row.state as string,
    count: Number(row.count),
    total: Number(row.total),
    percent: batch.trancheCount ? Math.round((Number(row.count) / batch.trancheCount) * 100) : 0,
  }))
  tranches.baseUrl(`/finance/payments/${batch.id}`)
  return { batch, tranches, counts }
}
