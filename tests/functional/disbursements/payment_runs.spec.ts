import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import queue from '#core/services/queue'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { validatePain001 } from '#tests/helpers/iso20022'
import {
  agreementWithApprovedTranches,
  columnOf,
  DEMO_IBAN,
} from '#tests/functional/disbursements/payment_fixtures'
import { decimalAmount } from '#disbursements/rails/bank_transfer'
import { PAY_TRANCHE_JOB } from '#disbursements/actions/pay_tranche'
import { payTrancheJobId } from '#disbursements/payment_runs'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

function prepare(client: ApiClient, user: User, rail: string, trancheIds: number[]) {
  return client
    .post('/finance/payments')
    .json({ rail, trancheIds })
    .header('accept', 'application/json')
    .loginAs(user)
    .withCsrfToken()
}

function execute(client: ApiClient, user: User, batchId: number) {
  return client
    .post(`/finance/payments/${batchId}/execution`)
    .header('accept', 'application/json')
    .loginAs(user)
    .withCsrfToken()
}

async function twoAgreements() {
  const first = await agreementWithApprovedTranches({ amounts: [120_000_00, 30_000_55] })
  const second = await agreementWithApprovedTranches({ amounts: [75_000_10], call: first.call })
  return { call: first.call, tranches: [...first.tranches, ...second.tranches] }
}

test.group('Payment runs / finance officers prepare and execute runs', (group) => {
  isolateEachTest(group)

  test('preparing a run reserves the approved tranches; preparing the same selection again creates nothing', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    const { tranches } = await twoAgreements()
    const ids = tranches.map((tranche) => tranche.id)

    const first = await prepare(client, officer, 'stripe', ids)
    first.assertStatus(201)
    assert.containsSubset(first.body(), {
      trancheCount: 3,
      totalCentimes: 120_000_00 + 30_000_55 + 75_000_10,
      created: true,
    })
    const again = await prepare(client, officer, 'stripe', [...ids].reverse())
    again.assertStatus(200)
    assert.equal(again.body().id, first.body().id)
    assert.isFalse(again.body().created)

    const batches = await db.from('payment_batches').where('reference', first.body().reference)
    assert.lengthOf(batches, 1)
    const reserved = await db.from('tranches').whereIn('id', ids).where('batch_id', first.body().id)
    assert.lengthOf(reserved, 3)
    assert.isTrue(reserved.every((row) => row.state === 'approved'))
  })

  test('a selection with a tranche that is not approved prepares nothing and says why (422)', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    const { tranches } = await twoAgreements()
    await db.from('tranches').where('id', tranches[1].id).update({ state: 'cancelled' })

    const response = await prepare(
      client,
      officer,
      'bank',
      tranches.map((tranche) => tranche.id)
    )
    response.assertStatus(422)
    assert.match(response.body().errors[0].message, /ne peuvent pas être payées/)
    assert.lengthOf(await db.from('payment_batches'), 0)
    assert.lengthOf(await db.from('tranches').whereNotNull('batch_id'), 0)
  })

  test('invalid input is answered 422 with messages, never a 500', async ({ client }) => {
    const officer = await userWithRoles('finance_officer')
    for (const body of [
      {},
      { rail: 'cash', trancheIds: [1] },
      { rail: 'bank', trancheIds: [] },
      { rail: 'bank', trancheIds: ['x'] },
    ]) {
      const response = await client
        .post('/finance/payments')
        .json(body)
        .header('accept', 'application/json')
        .loginAs(officer)
        .withCsrfToken()
      response.assertStatus(422)
    }
  })

  test('executing a Stripe run dispatches one payment job per tranche keyed by the tranche, once', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    const { tranches } = await twoAgreements()
    const prepared = await prepare(
      client,
      officer,
      'stripe',
      tranches.map((tranche) => tranche.id)
    )

    const executed = await execute(client, officer, prepared.body().id)
    executed.assertStatus(202)
    const twice = await execute(client, officer, prepared.body().id)
    twice.assertStatus(200)
    assert.isFalse(twice.body().executed)

    const jobs = await queue.queue().getJobs(['waiting', 'delayed', 'active'])
    const payJobs = jobs.filter((job) => job.name === PAY_TRANCHE_JOB)
    assert.sameMembers(
      payJobs.map((job) => job.id),
      tranches.map((tranche) => payTrancheJobId(tranche.id))
    )
  })

  test('a bank run produces a pain.001 valid against the official XSD whose NbOfTxs/CtrlSum match, and a CSV', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    const { tranches } = await twoAgreements()
    const prepared = await prepare(
      client,
      officer,
      'bank',
      tranches.map((tranche) => tranche.id)
    )
    const executed = await execute(client, officer, prepared.body().id)
    executed.assertStatus(202)
    const submitting = await db
      .from('tranches')
      .whereIn(
        'id',
        tranches.map((t) => t.id)
      )
      .where('state', 'submitting')
    assert.lengthOf(submitting, 3)

    const xmlResponse = await client
      .get(`/finance/payments/${prepared.body().id}/files/pain001`)
      .loginAs(officer)
    xmlResponse.assertStatus(200)
    const xml = xmlResponse.text()
    const validation = await validatePain001(xml)
    assert.isTrue(validation.valid, JSON.stringify(validation.errors.slice(0, 3)))
    const total = decimalAmount(120_000_00 + 30_000_55 + 75_000_10)
    assert.deepEqual(
      [...xml.matchAll(/<NbOfTxs>(\d+)</g)].map((m) => m[1]),
      ['3', '3']
    )
    assert.deepEqual(
      [...xml.matchAll(/<CtrlSum>([\d.]+)</g)].map((m) => m[1]),
      [total, total]
    )
    assert.sameMembers(
      [...xml.matchAll(/<EndToEndId>([^<]+)</g)].map((m) => m[1]),
      tranches.map((tranche) => tranche.idempotencyKey)
    )
    assert.include(xml, `<IBAN>${DEMO_IBAN}</IBAN>`)
    assert.include(xml, `<MsgId>${prepared.body().reference}</MsgId>`)

    const csv = await client
      .get(`/finance/payments/${prepared.body().id}/files/csv`)
      .loginAs(officer)
    csv.assertStatus(200)
    assert.lengthOf(csv.text().trim().split('\r\n'), 4)

    const reads = await db
      .from('audit_logs')
      .where('action', 'agreement.bank_account_read')
      .where('actor_id', officer.id)
    assert.lengthOf(reads, 4, 'one audited IBAN read per agreement and per file')
  })

  test('the runs page and a run page render for a finance officer', async ({ client }) => {
    const officer = await userWithRoles('finance_officer')
    const { tranches } = await twoAgreements()
    const index = await client.get('/finance/payments').loginAs(officer)
    index.assertStatus(200)
    index.assertTextIncludes(tranches[0].idempotencyKey)
    const prepared = await prepare(
      client,
      officer,
      'bank',
      tranches.map((tranche) => tranche.id)
    )
    const show = await client.get(`/finance/payments/${prepared.body().id}`).loginAs(officer)
    show.assertStatus(200)
    show.assertTextIncludes(prepared.body().reference)
  })
})

test.group('Payment runs / authorization from the outside', (group) => {
  isolateEachTest(group)

  const routes = (batchId: number): Array<[string, string]> => [
    ['GET', '/finance/payments'],
    ['POST', '/finance/payments'],
    ['GET', `/finance/payments/${batchId}`],
    ['POST', `/finance/payments/${batchId}/execution`],
    ['GET', `/finance/payments/${batchId}/files/pain001`],
    ['POST', `/finance/payments/${batchId}/statements`],
  ]

  async function aBatch() {
    const officer = await userWithRoles('finance_officer')
    const { tranches } = await agreementWithApprovedTranches()
    const [batch] = await db
      .table('payment_batches')
      .insert({
        rail: 'bank',
        state: 'prepared',
        reference: `PR-test-${tranches[0].id}`,
        tranche_count: 1,
        total_centimes: tranches[0].amountCentimes,
        prepared_by: officer.id,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
    return batch.id as number
  }

  test('applicants, reviewers and programme officers get 403 on every payment route', async ({
    client,
    assert,
  }) => {
    const batchId = await aBatch()
    for (const role of ['applicant', 'reviewer', 'programme_officer'] as const) {
      const user = await userWithRoles(role)
      for (const [method, url] of routes(batchId)) {
        const request = method === 'GET' ? client.get(url) : client.post(url).withCsrfToken()
        const response = await request.loginAs(user).redirects(0)
        assert.equal(response.status(), 403, `${role} ${method} ${url}`)
      }
    }
    assert.equal(await columnOf('payment_batches', batchId, 'state'), 'prepared')
  })

  test('unauthenticated visitors are sent to the login page', async ({ client, assert }) => {
    const batchId = await aBatch()
    for (const [method, url] of routes(batchId)) {
      const request = method === 'GET' ? client.get(url) : client.post(url).withCsrfToken()
      const response = await request.redirects(0)
      assert.equal(response.status(), 302, `${method} ${url}`)
      assert.equal(response.header('location'), '/login', `${method} ${url}`)
    }
  })
})
