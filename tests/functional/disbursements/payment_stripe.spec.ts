import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { PayTranche } from '#disbursements/actions/pay_tranche'
import { StripeRail } from '#disbursements/rails/stripe_rail'
import type { StripeConfig } from '#config/stripe'
import { StripeFake } from '#tests/helpers/stripe_fake'
import {
  agreementWithApprovedTranches,
  deletePaymentRows,
} from '#tests/functional/disbursements/payment_fixtures'
import type Call from '#programmes/models/call'

/*
 * Payments through the Stripe FAKE (tests/helpers/stripe_fake.ts). Concurrent attempts
 * use their own connections, so rows are committed and deleted afterwards.
 */

const created: Call[] = []
let stripe: StripeFake

async function setup(options: Parameters<typeof agreementWithApprovedTranches>[0] = {}) {
  const result = await agreementWithApprovedTranches(options)
  created.push(result.call)
  return result
}

async function moneyOf(trancheId: number) {
  const row = await db
    .from('tranches as t')
    .join('agreements as a', 'a.id', 't.agreement_id')
    .join('calls as c', 'c.id', 't.call_id')
    .join('applications as p', 'p.id', 'a.application_id')
    .where('t.id', trancheId)
    .select(
      't.state',
      't.stripe_transfer_id',
      't.paid_at',
      'a.paid_centimes',
      'a.state as agreement_state',
      'c.disbursed_centimes',
      'p.state as application_state'
    )
    .firstOrFail()
  const ledger = await db
    .from('ledger_entries')
    .where('tranche_id', trancheId)
    .where('kind', 'disburse')
    .select('amount_centimes')
  return { ...row, ledger: ledger.map((entry) => Number(entry.amount_centimes)) }
}

test.group('Payments / Stripe transfers (Stripe API fake)', (group) => {
  group.setup(async () => {
    stripe = await StripeFake.start()
    return () => stripe.stop()
  })
  group.each.teardown(() => deletePaymentRows(created.splice(0)))

  test('an approved tranche is paid by one transfer to the connected account, in MAD centimes', async ({
    assert,
  }) => {
    const { agreement, tranches } = await setup({ amounts: [250_000_00] })
    const before = stripe.createdTransfers

    const outcome = await app.container
      .make(PayTranche)
      .then((pay) => pay.handle({ trancheId: tranches[0].id }))

    assert.equal(outcome.outcome, 'paid')
    assert.equal(stripe.createdTransfers - before, 1)
    const transfer = [...stripe.transfers.values()].at(-1)!
    assert.containsSubset(transfer, {
      amount: 250_000_00,
      currency: 'mad',
      destination: agreement.stripeAccountId,
      metadata: { tranche_id: String(tranches[0].id), payout: `payout:${tranches[0].id}` },
    })
    const request = stripe.requests.find((entry) => entry.method === 'POST')!
    assert.match(request.idempotencyKey!, new RegExp(`^manassa:payout:${tranches[0].id}:`))

    const money = await moneyOf(tranches[0].id)
    assert.containsSubset(money, {
      state: 'paid',
      stripe_transfer_id: transfer.id,
      paid_centimes: 250_000_00,
      agreement_state: 'completed',
      disbursed_centimes: 250_000_00,
      application_state: 'completed',
      ledger: [250_000_00],
    })
    const moves = await db
      .from('audit_logs')
      .where('subject_type', 'tranche')
      .where('subject_id', String(tranches[0].id))
      .orderBy('id')
      .select('from_state', 'to_state')
    assert.deepEqual(
      moves.map((move) => `${move.from_state}→${move.to_state}`),
      ['approved→submitting', 'submitting→paid']
    )
  })

  test('50 concurrent attempts to pay one tranche pay it exactly once (one transfer, one ledger entry)', async ({
    assert,
  }) => {
    const { tranches } = await setup({ amounts: [100_000_00, 50_000_00] })
    stripe.latencyMs = 100
    const before = stripe.createdTransfers
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          new PayTranche(new StripeRail()).handle({ trancheId: tranches[0].id })
        )
      )
      const paid = outcomes.filter(
        (entry) => entry.status === 'fulfilled' && entry.value.outcome === 'paid'
      )
      assert.isAtLeast(paid.length, 1)
    } finally {
      stripe.latencyMs = 0
    }

    assert.equal(stripe.createdTransfers - before, 1, 'one transfer at Stripe')
    const money = await moneyOf(tranches[0].id)
    assert.containsSubset(money, {
      state: 'paid',
      paid_centimes: 100_000_00,
      disbursed_centimes: 100_000_00,
      agreement_state: 'active',
      application_state: 'disbursing',
      ledger: [100_000_00],
    })
    const claims = await db
      .from('audit_logs')
      .where('subject_type', 'tranche')
      .where('subject_id', String(tranches[0].id))
      .where('to_state', 'submitting')
    assert.lengthOf(claims, 1, 'one claim')
  }).timeout(30_000)

  test('Stripe answering 500 then timing out: the retries reuse the key and one transfer is made', async ({
    assert,
  }) => {
    const { tranches } = await setup()
    const config = app.config.get<StripeConfig>('stripe')
    const rail = new StripeRail({ ...config, timeoutMs: 300, maxNetworkRetries: 3 })
    const before = stripe.createdTransfers
    stripe.inject(500)
    stripe.inject('timeout')

    const outcome = await new PayTranche(rail).handle({ trancheId: tranches[0].id })

    assert.equal(outcome.outcome, 'paid')
    assert.equal(stripe.createdTransfers - before, 1)
    const posts = stripe.requests.filter((entry) => entry.method === 'POST').slice(-3)
    assert.lengthOf(new Set(posts.map((entry) => entry.idempotencyKey)), 1)
    assert.isTrue(posts.at(-1)!.replayed)
    const money = await moneyOf(tranches[0].id)
    assert.equal(money.state, 'paid')
  }).timeout(15_000)

  test('a 409 from Stripe leaves the tranche submitting for the job to retry, and the retry pays it once', async ({
    assert,
  }) => {
    const { tranches } = await setup()
    const config = app.config.get<StripeConfig>('stripe')
    const rail = new StripeRail({ ...config, maxNetworkRetries: 0 })
    const before = stripe.createdTransfers
    stripe.inject(409)

    await assert.rejects(() => new PayTranche(rail).handle({ trancheId: tranches[0].id }))
    const meanwhile = await moneyOf(tranches[0].id)
    assert.equal(meanwhile.state, 'submitting')

    const retry = await new PayTranche(rail).handle({ trancheId: tranches[0].id })
    assert.equal(retry.outcome, 'paid')
    assert.equal(stripe.createdTransfers - before, 1)
  })

  test('a transfer refused by Stripe (unknown destination) fails the tranche, no money moves', async ({
    assert,
  }) => {
    const { tranches } = await setup({ stripeAccountId: 'not_an_account' })
    const outcome = await new PayTranche(new StripeRail()).handle({ trancheId: tranches[0].id })
    assert.equal(outcome.outcome, 'failed')
    const money = await moneyOf(tranches[0].id)
    assert.containsSubset(money, {
      state: 'failed',
      paid_centimes: 0,
      disbursed_centimes: 0,
      ledger: [],
    })
  })

  test('paying beyond the award is refused before Stripe is called, the tranche stays approved', async ({
    assert,
  }) => {
    // An inconsistent schedule: tranches of 60 000 + 60 000 MAD on a 100 000 MAD award.
    const { tranches } = await setup({ amounts: [60_000_00, 60_000_00], totalCentimes: 100_000_00 })
    const pay = new PayTranche(new StripeRail())
    const first = await pay.handle({ trancheId: tranches[0].id })
    assert.equal(first.outcome, 'paid')
    const before = stripe.createdTransfers

    const refused = await pay.handle({ trancheId: tranches[1].id })

    assert.deepEqual(refused, { outcome: 'refused', reason: 'payments.errors.beyond_award' })
    assert.equal(stripe.createdTransfers, before, 'nothing sent to Stripe')
    const money = await moneyOf(tranches[1].id)
    assert.containsSubset(money, { state: 'approved', paid_centimes: 60_000_00, ledger: [] })
  })

  test('paying beyond what the call committed is refused, and the CHECK constraints are the backstop', async ({
    assert,
  }) => {
    const { tranches, agreement, call } = await setup({
      amounts: [80_000_00],
      committedCentimes: 50_000_00,
    })
    const refused = await new PayTranche(new StripeRail()).handle({ trancheId: tranches[0].id })
    assert.deepEqual(refused, { outcome: 'refused', reason: 'payments.errors.beyond_commitments' })

    await assert.rejects(
      () =>
        db
          .from('agreements')
          .where('id', agreement.id)
          .update({ paid_centimes: agreement.totalCentimes + 1 }),
      /agreements_values_check/
    )
    await assert.rejects(
      () => db.from('calls').where('id', call.id).update({ disbursed_centimes: 50_000_01 }),
      /calls_ledger_check/
    )
  })
})
