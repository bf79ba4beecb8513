import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { acceptedAward } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import Agreement from '#disbursements/models/agreement'
import Tranche from '#disbursements/models/tranche'
import { isolateEachTest } from '#tests/helpers/http'

test.group('Agreements: created by finance from accepted awards', (group) => {
  isolateEachTest(group)

  test('a finance officer sees the accepted award without agreement, and creates it in one go', async ({
    client,
    assert,
  }) => {
    const { decision, application, applicant } = await acceptedAward({ kind: 'startup_offer' })
    const officer = await userWithRoles('finance_officer')

    const list = await client.get('/finance/awards').loginAs(officer)
    list.assertStatus(200)
    assert.include(list.text(), application.reference!)

    const response = await client
      .post(`/finance/awards/${decision.id}/agreement`)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const agreement = await Agreement.findByOrFail('decision_id', decision.id)
    assert.equal(response.header('location'), `/agreements/${agreement.id}`)
    assert.equal(agreement.beneficiaryId, applicant.id)
    assert.equal(agreement.totalCentimes, decision.amountCentimes)
    assert.equal(agreement.kind, 'startup_offer')

    const tranches = await Tranche.query().where('agreement_id', agreement.id).orderBy('sequence')
    assert.deepEqual(
      tranches.map((tranche) => tranche.amountCentimes),
      [12_000_000, 12_000_000, 6_000_000]
    )
    assert.isTrue(tranches.every((tranche) => tranche.state === 'planned'))
    assert.isNotEmpty(tranches[1].milestone.ar)

    await application.refresh()
    assert.equal(application.state, 'contracted')
    const audits = await db
      .from('audit_logs')
      .where((query) =>
        query
          .where({ subject_type: 'agreement', subject_id: String(agreement.id) })
          .orWhere({ subject_type: 'application', subject_id: String(application.id) })
      )
      .select('action', 'to_state', 'actor_id')
    assert.sameDeepMembers(audits, [
      { action: 'agreement.created', to_state: null, actor_id: officer.id },
      { action: 'application.transition', to_state: 'contracted', actor_id: officer.id },
    ])

    const after = await client.get('/finance/awards').loginAs(officer)
    assert.notInclude(after.text(), application.reference!)
  })

  test('creating the same agreement twice returns the first one and creates nothing more', async ({
    client,
    assert,
  }) => {
    const { decision } = await acceptedAward({ kind: 'startup_offer' })
    const officer = await userWithRoles('finance_officer')
    const first = await client
      .post(`/finance/awards/${decision.id}/agreement`)
      .accept('json')
      .loginAs(officer)
      .withCsrfToken()
    first.assertStatus(201)
    const second = await client
      .post(`/finance/awards/${decision.id}/agreement`)
      .accept('json')
      .loginAs(officer)
      .withCsrfToken()
    second.assertStatus(200)
    assert.equal(second.body().id, first.body().id)
    assert.isFalse(second.body().created)
    assert.lengthOf(await Agreement.query().where('decision_id', decision.id), 1)
    assert.lengthOf(await Tranche.query().where('agreement_id', first.body().id), 3)
  })

  test('a living grant gets one tranche a month of the stipend from the planned start date', async ({
    client,
    assert,
  }) => {
    const { decision } = await acceptedAward({
      kind: 'living_grant',
      amountCentimes: 12 * 1_500_000,
      plannedStartOn: '2030-09-01',
    })
    const officer = await userWithRoles('finance_officer')
    const response = await client
      .post(`/finance/awards/${decision.id}/agreement`)
      .accept('json')
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(201)
    const tranches = await Tranche.query()
      .where('agreement_id', response.body().id)
      .orderBy('sequence')
    assert.lengthOf(tranches, 12)
    assert.isTrue(tranches.every((tranche) => tranche.amountCentimes === 1_500_000))
    assert.equal(tranches[0].dueOn!.toISODate(), '2030-09-01')
    assert.equal(tranches[11].dueOn!.toISODate(), '2031-08-01')
  })

  test('a VC commitment starts with no tranche: the fund manager calls capital later', async ({
    client,
    assert,
  }) => {
    const { decision } = await acceptedAward({ kind: 'vc_call' })
    const officer = await userWithRoles('finance_officer')
    const response = await client
      .post(`/finance/awards/${decision.id}/agreement`)
      .accept('json')
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(201)
    assert.lengthOf(await Tranche.query().where('agreement_id', response.body().id), 0)
  })

  test('an award not yet accepted (or declined) gets no agreement, with a clear message', async ({
    client,
    assert,
  }) => {
    const { decision, application } = await acceptedAward()
    await db
      .from('decisions')
      .where('id', decision.id)
      .update({ response: 'declined', responded_at: DateTime.utc().toJSDate() })
    const officer = await userWithRoles('finance_officer')
    const response = await client
      .post(`/finance/awards/${decision.id}/agreement`)
      .accept('json')
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(409)
    assert.match(response.body().errors[0].message, /accepté/)
    assert.lengthOf(await Agreement.query().where('decision_id', decision.id), 0)
    await application.refresh()
    assert.equal(application.state, 'awarded')
  })

  test('only finance officers list awards and create agreements; a guest goes to the login', async ({
    client,
    assert,
  }) => {
    const { decision } = await acceptedAward()
    for (const role of ['applicant', 'programme_officer', 'reviewer', 'admin'] as const) {
      const user = await userWithRoles(role)
      const list = await client.get('/finance/awards').loginAs(user)
      assert.equal(list.status(), 403, `${role} list`)
      const create = await client
        .post(`/finance/awards/${decision.id}/agreement`)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      assert.equal(create.status(), 403, `${role} create`)
    }
    const guest = await client.get('/finance/awards').redirects(0)
    assert.equal(guest.header('location'), '/login')
    assert.lengthOf(await Agreement.query().where('decision_id', decision.id), 0)
  })
})
