import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import queue from '#core/services/queue'
import { HandleStripeEvent, stripeEventJobId } from '#disbursements/actions/handle_stripe_event'
import { StripeRail } from '#disbursements/rails/stripe_rail'
import { StripeFake } from '#tests/helpers/stripe_fake'
import {
  agreementWithApprovedTranches,
  columnOf,
  deletePaymentRows,
} from '#tests/functional/disbursements/payment_fixtures'
import type Call from '#programmes/models/call'
import type Tranche from '#disbursements/models/tranche'

/*
 * Stripe webhooks signed with the SDK's test header (the API itself is the Stripe FAKE).
 * The handler runs outside the suite's transaction: rows are committed, then deleted.
 */

const WEBHOOK_URL = '/api/v1/webhooks/stripe'
const created: Call[] = []
let stripe: StripeFake

/**
 * A tranche whose payment job died after Stripe made the transfer and before it was
 * recorded: `submitting`, no transfer id; the transfer exists at Stripe.
 */
async function trancheAwaitingItsWebhook() {
  const setup = await agreementWithApprovedTranches({ amounts: [40_000_00] })
  created.push(setup.call)
  const tranche = setup.tranches[0]
  await db.from('tranches').where('id', tranche.id).update({ state: 'submitting' })
  const transfer = stripe.seedTransfer({
    amount: String(tranche.amountCentimes),
    currency: 'mad',
    destination: setup.agreement.stripeAccountId,
    transfer_group: tranche.idempotencyKey,
    metadata: { tranche_id: String(tranche.id), payout: tranche.idempotencyKey },
  })
  return { ...setup, tranche, transfer }
}

async function stateOf(tranche: Tranche) {
  const row = await db
    .from('tranches as t')
    .join('agreements as a', 'a.id', 't.agreement_id')
    .where('t.id', tranche.id)
    .select('t.state', 't.stripe_transfer_id', 'a.paid_centimes')
    .firstOrFail()
  const ledger = await db.from('ledger_entries').where('tranche_id', tranche.id).count('* as n')
  return { ...row, ledgerEntries: Number(ledger[0].n) }
}

test.group('Payments / Stripe webhooks (signed by the SDK, Stripe API fake)', (group) => {
  group.setup(async () => {
    stripe = await StripeFake.start()
    return () => stripe.stop()
  })
  group.each.teardown(async () => {
    await deletePaymentRows(created.splice(0))
    await db.from('webhook_events').delete()
    await queue.queue().obliterate({ force: true })
  })

  test('a valid event delivered 5 times is stored once, handled by one job, and pays the tranche once', async ({
    client,
    assert,
  }) => {
    const { tranche, transfer } = await trancheAwaitingItsWebhook()
    const { event, payload, signature } = stripe.signedEvent('transfer.created', transfer)

    const duplicates: boolean[] = []
    for (let delivery = 0; delivery < 5; delivery++) {
      const response = await client
        .post(WEBHOOK_URL)
        .header('stripe-signature', signature)
        .unsafeJson(payload)
      response.assertStatus(200)
      duplicates.push(response.body().duplicate)
    }
    assert.deepEqual(duplicates, [false, true, true, true, true])
    const stored = await db.from('webhook_events').where('id', event.id)
    assert.lengthOf(stored, 1)
    assert.equal(stored[0].type, 'transfer.created')

    const job = await queue.queue().getJob(stripeEventJobId(event.id))
    assert.exists(job, 'one job per event id')
    // The job, and four more runs of it at once (BullMQ delivers at least once).
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => new HandleStripeEvent(new StripeRail()).handle(event.id))
    )
    assert.equal(outcomes.filter((outcome) => outcome.outcome === 'settled').length, 1)
    assert.deepEqual(await stateOf(tranche), {
      state: 'paid',
      stripe_transfer_id: transfer.id,
      paid_centimes: 40_000_00,
      ledgerEntries: 1,
    })
    assert.isNotNull(await columnOf('webhook_events', event.id, 'processed_at'))
  })

  test('a signed event is taken as Stripe wrote it, even with text the portal refuses from people', async ({
    client,
    assert,
  }) => {
    const { transfer } = await trancheAwaitingItsWebhook()
    // Stripe copies free text (a description typed in its dashboard) into events: a bidi
    // override there must not make the portal refuse, and so lose, a genuine event.
    const { event, payload, signature } = stripe.signedEvent('transfer.updated', {
      ...transfer,
      description: 'Versement \u202eMAD\u202c de mars',
    })
    const response = await client
      .post(WEBHOOK_URL)
      .header('stripe-signature', signature)
      .unsafeJson(payload)
    response.assertStatus(200)
    assert.lengthOf(await db.from('webhook_events').where('id', event.id), 1)
  })

  test('a forged, tampered, stale or unsigned webhook is refused with 400 and changes nothing', async ({
    client,
    assert,
  }) => {
    const { tranche, transfer } = await trancheAwaitingItsWebhook()
    const forged = stripe.signedEvent('transfer.created', transfer, { secret: 'whsec_forged' })
    const stale = stripe.signedEvent('transfer.created', transfer, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    })
    const genuine = stripe.signedEvent('transfer.created', transfer)
    const tampered = genuine.payload.replace('"livemode": false', '"livemode": true')

    const attempts: Array<[string, string | null]> = [
      [forged.payload, forged.signature],
      [stale.payload, stale.signature],
      [tampered, genuine.signature],
      [genuine.payload, null],
    ]
    for (const [payload, signature] of attempts) {
      const request = client.post(WEBHOOK_URL).unsafeJson(payload)
      if (signature) request.header('stripe-signature', signature)
      const response = await request
      response.assertStatus(400)
    }
    assert.lengthOf(await db.from('webhook_events'), 0)
    assert.equal(await queue.queue().count(), 0)
    assert.deepEqual(await stateOf(tranche), {
      state: 'submitting',
      stripe_transfer_id: null,
      paid_centimes: 0,
      ledgerEntries: 0,
    })
  })

  test('the handler trusts Stripe, not the event: a transfer reversed since does not pay the tranche', async ({
    client,
    assert,
  }) => {
    const { tranche, transfer } = await trancheAwaitingItsWebhook()
    const { event, payload, signature } = stripe.signedEvent('transfer.created', { ...transfer })
    stripe.reverse(transfer.id)

    const response = await client
      .post(WEBHOOK_URL)
      .header('stripe-signature', signature)
      .unsafeJson(payload)
    response.assertStatus(200)
    const job = await queue.queue().getJob(stripeEventJobId(event.id))
    await queue.process(job!)

    const after = await stateOf(tranche)
    assert.equal(after.state, 'submitting')
    assert.isNotNull(await columnOf('webhook_events', event.id, 'processed_at'))
  })
})
