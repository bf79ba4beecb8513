import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { userWithRoles } from '#database/factories/user_factory'
import { budgetOf, callInReview, scoredApplication } from '#database/factories/decision_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { AwardCall } from '#reviews/actions/award_call'
import { PublishDecisions } from '#reviews/actions/publish_decisions'
import DecisionMail from '#reviews/mails/decision_mail'
import type Application from '#applications/models/application'
import type { ApiClient } from '@japa/api-client'
import { expectStatus, pick } from '#tests/functional/reviews/decision_fixtures'

function answer(client: ApiClient, application: Application, user: User, response: string) {
  return client
    .post(`/applications/${application.id}/decision/response`)
    .form({ response })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

/** Envelope 1 000 000 MAD: A 700k awarded; reserve B 400k (too big), C 300k, D 250k. */
async function awardedCall() {
  const call = await callInReview({ envelopeCentimes: 100_000_000 })
  const a = await scoredApplication(call, { score: 95, amountMad: 700_000 })
  const b = await scoredApplication(call, { score: 90, amountMad: 400_000 })
  const c = await scoredApplication(call, { score: 85, amountMad: 300_000 })
  const d = await scoredApplication(call, { score: 80, amountMad: 250_000 })
  const officer = await userWithRoles('programme_officer')
  await new AwardCall().handle(call.id, { id: officer.id })
  await new PublishDecisions().handle(call.id, { id: officer.id })
  return { call, a, b, c, d, officer }
}

const outcomeOf = (application: Application) =>
  db
    .from('decisions')
    .where('application_id', application.id)
    .select('outcome', 'amount_centimes', 'reserve_position', 'response')
    .firstOrFail()

test.group('Decisions / the applicant answers an award', (group) => {
  isolateEachTest(group)

  test('the run leaves A awarded and B, C, D on the reserve in order', async ({ assert }) => {
    const { a, b, c, d } = await awardedCall()
    assert.deepEqual(await Promise.all([a, b, c, d].map(outcomeOf)), [
      { outcome: 'awarded', amount_centimes: 70_000_000, reserve_position: null, response: null },
      { outcome: 'waitlisted', amount_centimes: null, reserve_position: 1, response: null },
      { outcome: 'awarded', amount_centimes: 30_000_000, reserve_position: null, response: null },
      { outcome: 'waitlisted', amount_centimes: null, reserve_position: 2, response: null },
    ])
  })

  test('a decline releases the amount and promotes the first reserve candidates that fit', async ({
    client,
    assert,
  }) => {
    const { call, a, b, c, d } = await awardedCall()
    const mails = captureMail()
    const applicant = await User.findOrFail(a.applicantId)

    const response = await answer(client, a, applicant, 'declined')
    response.assertStatus(302)
    response.assertHeader('location', `/applications/${a.id}/decision`)

    await a.refresh()
    assert.equal(a.state, 'declined')
    // 700k freed: B (400k) then D (250k) fit; C (300k) was already awarded.
    assert.deepEqual(await outcomeOf(a), {
      outcome: 'awarded',
      amount_centimes: 70_000_000,
      reserve_position: null,
      response: 'declined',
    })
    assert.deepEqual(await pick(outcomeOf(b), 'outcome'), 'awarded')
    assert.deepEqual(await pick(outcomeOf(b), 'amount_centimes'), 40_000_000)
    assert.deepEqual(await pick(outcomeOf(c), 'outcome'), 'awarded')
    assert.deepEqual(await pick(outcomeOf(d), 'outcome'), 'awarded')
    await b.refresh()
    await d.refresh()
    assert.equal(b.state, 'awarded')
    assert.equal(d.state, 'awarded')
    assert.deepEqual(await budgetOf(call.id), {
      envelope: 100_000_000,
      committed: 95_000_000,
      awardedTotal: 95_000_000,
      ledgerNet: 95_000_000,
    })
    const ledger = await db
      .from('ledger_entries')
      .where('call_id', call.id)
      .orderBy('id')
      .select('kind', 'amount_centimes')
    assert.deepEqual(ledger.slice(-3), [
      { kind: 'release', amount_centimes: 70_000_000 },
      { kind: 'commit', amount_centimes: 40_000_000 },
      { kind: 'commit', amount_centimes: 25_000_000 },
    ])
    const queued = mails.queued((mail) => mail instanceof DecisionMail) as DecisionMail[]
    assert.sameMembers(
      queued.map((mail) => mail.application.id),
      [b.id, d.id]
    )
  })

  test('a smaller freed budget promotes only a candidate that fits, the next in line waits', async ({
    client,
    assert,
  }) => {
    const { call, b, c, d } = await awardedCall()
    // C (300k) declines: 300k free; B (400k) does not fit, D (250k) does.
    const applicant = await User.findOrFail(c.applicantId)
    await expectStatus(answer(client, c, applicant, 'declined'), 302)
    assert.equal(await pick(outcomeOf(b), 'outcome'), 'waitlisted')
    assert.equal(await pick(outcomeOf(d), 'outcome'), 'awarded')
    const budget = await budgetOf(call.id)
    assert.equal(budget.committed, 95_000_000)
    assert.equal(budget.committed, budget.awardedTotal)
  })

  test('accepting records the answer; answering twice is refused', async ({ client, assert }) => {
    const { call, a } = await awardedCall()
    const applicant = await User.findOrFail(a.applicantId)
    await expectStatus(answer(client, a, applicant, 'accepted'), 302)
    assert.equal(await pick(outcomeOf(a), 'response'), 'accepted')
    await a.refresh()
    assert.equal(a.state, 'awarded')
    const again = await answer(client, a, applicant, 'declined').accept('json')
    again.assertStatus(409)
    assert.equal(await pick(budgetOf(call.id), 'committed'), 100_000_000)
  })

  test('the applicant sees their decision and downloads the letter in their language', async ({
    client,
    assert,
  }) => {
    const { a } = await awardedCall()
    const applicant = await User.findOrFail(a.applicantId)
    applicant.preferredLocale = 'ar'
    await applicant.save()
    const page = await client.get(`/applications/${a.id}/decision`).loginAs(applicant)
    page.assertStatus(200)
    page.assertTextIncludes('أقبل التمويل')
    const letter = await client.get(`/applications/${a.id}/decision/letter`).loginAs(applicant)
    letter.assertStatus(200)
    letter.assertHeader('content-type', 'application/pdf')
    assert.include(letter.header('content-disposition'), `decision-${a.reference}.pdf`)
  })

  test('another applicant or staff cannot see, download or answer someone’s decision', async ({
    client,
    assert,
  }) => {
    const { call, a } = await awardedCall()
    const stranger = await userWithRoles('applicant')
    await expectStatus(client.get(`/applications/${a.id}/decision`).loginAs(stranger), 404)
    await expectStatus(client.get(`/applications/${a.id}/decision/letter`).loginAs(stranger), 404)
    await expectStatus(answer(client, a, stranger, 'declined'), 404)
    const officer = await userWithRoles('programme_officer')
    await expectStatus(answer(client, a, officer, 'declined'), 403)
    const anonymous = await client.get(`/applications/${a.id}/decision`).redirects(0)
    assert.include(anonymous.header('location'), '/login')
    assert.equal(await pick(outcomeOf(a), 'response'), null)
    assert.equal(await pick(budgetOf(call.id), 'committed'), 100_000_000)
  })
})
