import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import Tranche from '#disbursements/models/tranche'
import { ApproveTranche } from '#disbursements/actions/approve_tranche'
import { isolateEachTest } from '#tests/helpers/http'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

const EVIDENCE = 'Prototype livré au client pilote, démonstration le 12 mars.'

function act(client: ApiClient, user: User, url: string, form: Record<string, string> = {}) {
  return client.post(url).accept('json').form(form).loginAs(user).withCsrfToken()
}

test.group('Tranches: request, verify, approve (four-eyes)', (group) => {
  isolateEachTest(group)

  test('a milestone goes requested → verified → approved by two different finance officers, every step audited', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant, tranches } = await agreementFor({ kind: 'startup_offer' })
    const [first] = tranches
    const [verifier, approver] = await Promise.all([
      userWithRoles('finance_officer'),
      userWithRoles('finance_officer'),
    ])

    const requested = await act(
      client,
      applicant,
      `/agreements/${agreement.id}/tranches/${first.id}/request`,
      { note: EVIDENCE }
    )
    requested.assertStatus(201)
    assert.equal(requested.body().state, 'requested')

    const queue = await client.get('/finance').loginAs(verifier)
    queue.assertStatus(200)
    assert.include(queue.text(), EVIDENCE)

    const verified = await act(client, verifier, `/finance/tranches/${first.id}/verification`)
    verified.assertStatus(200)
    const approved = await act(client, approver, `/finance/tranches/${first.id}/approval`)
    approved.assertStatus(200)
    assert.equal(approved.body().state, 'approved')

    await first.refresh()
    assert.equal(first.requestNote, EVIDENCE)
    assert.equal(first.requestedBy, applicant.id)
    assert.equal(first.verifiedBy, verifier.id)
    assert.equal(first.approvedBy, approver.id)
    const audits = await db
      .from('audit_logs')
      .where({ subject_type: 'tranche', subject_id: String(first.id) })
      .orderBy('id')
      .select('actor_id', 'from_state', 'to_state')
    assert.deepEqual(audits, [
      { actor_id: applicant.id, from_state: 'planned', to_state: 'requested' },
      { actor_id: verifier.id, from_state: 'requested', to_state: 'verified' },
      { actor_id: approver.id, from_state: 'verified', to_state: 'approved' },
    ])
  })

  test('the officer who verified cannot approve: 403 with the four-eyes message, tranche unchanged', async ({
    client,
    assert,
  }) => {
    const { tranches, verifier } = await agreementFor({ trancheStates: ['verified'] })
    const response = await act(client, verifier!, `/finance/tranches/${tranches[0].id}/approval`)
    response.assertStatus(403)
    assert.match(response.body().errors[0].message, /Double contrôle/)

    const page = await client
      .post(`/finance/tranches/${tranches[0].id}/approval`)
      .loginAs(verifier!)
      .withCsrfToken()
      .redirects(0)
    page.assertStatus(403)
    assert.include(page.text(), 'Un autre agent financier doit le faire.')

    await tranches[0].refresh()
    assert.equal(tranches[0].state, 'verified')
    assert.isNull(tranches[0].approvedBy)
  })

  test('with the policy bypassed, the database itself refuses an approval by the verifier', async ({
    assert,
  }) => {
    const { tranches, verifier } = await agreementFor({ trancheStates: ['verified'] })
    try {
      await new ApproveTranche().handle(tranches[0].id, { id: verifier!.id })
      assert.fail('the approval went through')
    } catch (error) {
      assert.equal((error as { constraint?: string }).constraint, 'tranches_four_eyes_check')
    }
    await tranches[0].refresh()
    assert.equal(tranches[0].state, 'verified')
    const audits = await db
      .from('audit_logs')
      .where({ subject_type: 'tranche', subject_id: String(tranches[0].id) })
    assert.lengthOf(audits, 0, 'no audit entry for a refused approval')
  })

  test('approving beyond the award is refused with a clear message', async ({ client, assert }) => {
    const { tranches, approver } = await agreementFor({
      kind: 'startup_offer',
      trancheStates: ['approved', 'approved', 'verified'],
    })
    // A schedule tampered with after creation: the last tranche asks for one dirham more.
    await Tranche.query().where('id', tranches[2].id).increment('amount_centimes', 100)
    const other = await userWithRoles('finance_officer')
    const response = await act(client, other, `/finance/tranches/${tranches[2].id}/approval`)
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'E_BEYOND_AWARD')
    assert.match(response.body().errors[0].message, /dépasserait le financement accordé/)
    assert.match(response.body().errors[0].message, /reste disponible : 60\D000,00/)
    await tranches[2].refresh()
    assert.equal(tranches[2].state, 'verified')
    assert.exists(approver)
  })

  test('approving beyond what the call committed and has not paid is refused', async ({
    client,
    assert,
  }) => {
    const { call, tranches } = await agreementFor({
      kind: 'startup_offer',
      trancheStates: ['verified'],
    })
    await db.from('calls').where('id', call.id).update({ committed_centimes: 1_000_000 })
    const other = await userWithRoles('finance_officer')
    const response = await act(client, other, `/finance/tranches/${tranches[0].id}/approval`)
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'E_BEYOND_ENVELOPE')
  })

  test('a fund manager calls capital up to the commitment, never beyond', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant } = await agreementFor({
      kind: 'vc_call',
      amountCentimes: 100_000_000,
    })
    const url = `/agreements/${agreement.id}/capital_calls`
    const first = await act(client, applicant, url, {
      amount: '600 000',
      purpose: 'Première prise de participation',
    })
    first.assertStatus(201)
    const beyond = await act(client, applicant, url, {
      amount: '400 000,01',
      purpose: 'Deuxième prise de participation',
    })
    beyond.assertStatus(422)
    assert.equal(beyond.body().errors[0].field, 'amount')
    assert.match(beyond.body().errors[0].message, /dépasse l'engagement restant \(400\D000,00/)
    const exact = await act(client, applicant, url, {
      amount: '400 000',
      purpose: 'Deuxième prise de participation',
    })
    exact.assertStatus(201)
    const calls = await Tranche.query().where('agreement_id', agreement.id).orderBy('sequence')
    assert.deepEqual(
      calls.map((tranche) => [tranche.sequence, tranche.amountCentimes, tranche.state]),
      [
        [1, 60_000_000, 'requested'],
        [2, 40_000_000, 'requested'],
      ]
    )
  })

  test('a stipend month cannot be requested before it starts', async ({ client, assert }) => {
    const start = DateTime.now().plus({ months: 2 }).toISODate()!
    const { agreement, applicant, tranches } = await agreementFor({
      kind: 'living_grant',
      plannedStartOn: start,
    })
    const response = await act(
      client,
      applicant,
      `/agreements/${agreement.id}/tranches/${tranches[0].id}/request`,
      { note: 'Rapport du mois : premiers entretiens clients.' }
    )
    response.assertStatus(409)
    assert.include(response.body().errors[0].message, start)
    await tranches[0].refresh()
    assert.equal(tranches[0].state, 'planned')
  })

  test('a finance officer cancels a tranche with a reason; a short reason is refused', async ({
    client,
    assert,
  }) => {
    const { tranches } = await agreementFor({ trancheStates: ['requested'] })
    const officer = await userWithRoles('finance_officer')
    const url = `/finance/tranches/${tranches[0].id}/cancellation`
    const tooShort = await act(client, officer, url, { reason: 'court' })
    tooShort.assertStatus(422)
    const cancelled = await act(client, officer, url, { reason: 'Jalon abandonné par la startup.' })
    cancelled.assertStatus(200)
    await tranches[0].refresh()
    assert.equal(tranches[0].state, 'cancelled')
    const audit = await db
      .from('audit_logs')
      .where({ subject_type: 'tranche', subject_id: String(tranches[0].id) })
      .first()
    assert.equal(audit.reason, 'Jalon abandonné par la startup.')
  })

  test('a tranche cannot be approved before it is verified', async ({ client }) => {
    const { tranches } = await agreementFor({ trancheStates: ['requested'] })
    const officer = await userWithRoles('finance_officer')
    const response = await act(client, officer, `/finance/tranches/${tranches[0].id}/approval`)
    response.assertStatus(409)
  })
})
