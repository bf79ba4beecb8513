import { test } from '@japa/runner'
import { crashTestQueue } from '#tests/helpers/workers'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { PAY_TRANCHE_JOB, PayTranche } from '#disbursements/actions/pay_tranche'
import { StripeRail } from '#disbursements/rails/stripe_rail'
import { payTrancheJobId } from '#disbursements/payment_runs'
import { StripeFake } from '#tests/helpers/stripe_fake'
import {
  agreementWithApprovedTranches,
  deletePaymentRows,
} from '#tests/functional/disbursements/payment_fixtures'
import type Call from '#programmes/models/call'

/*
 * A payment worker killed between Stripe's answer and our commit (Stripe API FAKE).
 * Workers use their own connections: rows are committed, then deleted.
 */

const created: Call[] = []

test.group('Payments / a payment worker killed mid-job', (group) => {
  let stripe: StripeFake
  group.setup(async () => {
    stripe = await StripeFake.start()
    return () => stripe.stop()
  })
  group.each.teardown(() => deletePaymentRows(created.splice(0)))

  test('another worker takes the job over and the tranche is paid once: one transfer, one ledger entry', async ({
    assert,
    cleanup,
  }) => {
    const { call, tranches } = await agreementWithApprovedTranches({ amounts: [90_000_00] })
    created.push(call)
    const tranche = tranches[0]

    // The first run dies right after Stripe made the transfer, before anything is recorded:
    // no more writes, no more lock renewals, as a killed process.
    let crashed: () => void
    const crash = new Promise<void>((resolve) => (crashed = resolve))
    class DyingPayTranche extends PayTranche {
      dead = false
      protected async sendTransfer(request: Parameters<PayTranche['sendTransfer']>[0]) {
        const transfer = await super.sendTransfer(request)
        if (!this.dead) {
          this.dead = true
          crashed()
          await new Promise(() => {})
        }
        return transfer
      }
    }
    const dying = new DyingPayTranche(new StripeRail())
    app.container.swap(PayTranche, () => dying)
    cleanup(() => app.container.restore(PayTranche))

    const { service, startWorker } = crashTestQueue('payments', cleanup)

    const before = stripe.createdTransfers
    await service.dispatch(
      PAY_TRANCHE_JOB,
      { trancheId: tranche.id },
      { jobId: payTrancheJobId(tranche.id) }
    )
    // A second dispatch of the same payment (a double click) is the same job.
    await service.dispatch(
      PAY_TRANCHE_JOB,
      { trancheId: tranche.id },
      { jobId: payTrancheJobId(tranche.id) }
    )
    const first = startWorker()
    await crash
    await first.close(true)

    const midway = await db.from('tranches').where('id', tranche.id).first()
    assert.equal(midway.state, 'submitting')
    assert.isNull(midway.stripe_transfer_id)
    assert.equal(stripe.createdTransfers - before, 1, 'Stripe made the transfer')

    const second = startWorker()
    cleanup(() => second.close(true))
    const result = await new Promise<any>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the job was not taken over')), 20_000)
      second.on('completed', (job, value) => {
        clearTimeout(timer)
        resolve({ job, value })
      })
      second.on('failed', (_job, error) => {
        clearTimeout(timer)
        reject(error)
      })
    })

    assert.equal(result.job.id, payTrancheJobId(tranche.id))
    assert.equal(result.value.outcome, 'paid')
    assert.equal(stripe.createdTransfers - before, 1, 'still one transfer at Stripe')
    assert.isTrue(stripe.requests.filter((entry) => entry.method === 'POST').at(-1)!.replayed)
    const paid = await db.from('tranches').where('id', tranche.id).first()
    assert.equal(paid.state, 'paid')
    assert.equal(paid.stripe_transfer_id, result.value.transferId)
    const ledger = await db.from('ledger_entries').where('tranche_id', tranche.id)
    assert.lengthOf(ledger, 1)
    const agreement = await db.from('agreements').where('id', tranches[0].agreementId).first()
    assert.equal(agreement.paid_centimes, 90_000_00)
  }).timeout(30_000)
})
