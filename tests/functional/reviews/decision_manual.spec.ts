import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { userWithRoles } from '#database/factories/user_factory'
import { budgetOf, callInReview, scoredApplication } from '#database/factories/decision_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import DecisionMail from '#reviews/mails/decision_mail'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'
import { expectStatus, pick } from '#tests/functional/reviews/decision_fixtures'

function decide(
  client: ApiClient,
  applicationId: number,
  user: User,
  form: Record<string, string>
) {
  return client
    .post(`/staff/applications/${applicationId}/decision`)
    .form(form)
    .loginAs(user)
    .withCsrfToken()
    .accept('json')
}

test.group('Decisions / an officer decides one application by hand', (group) => {
  isolateEachTest(group)

  test('an award within the budget commits it, writes the ledger and tells the applicant', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 50_000_000 })
    const application = await scoredApplication(call, { score: 50 })
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()
    const response = await decide(client, application.id, officer, {
      outcome: 'awarded',
      amount: '120 000,50',
      conditions: 'Ouvrir un compte bancaire professionnel.',
    })
    response.assertStatus(201)
    response.assertBodyContains({ outcome: 'awarded', amountCentimes: 12_000_050 })
    await application.refresh()
    assert.equal(application.state, 'awarded')
    assert.deepEqual(await budgetOf(call.id), {
      envelope: 50_000_000,
      committed: 12_000_050,
      awardedTotal: 12_000_050,
      ledgerNet: 12_000_050,
    })
    const [mail] = mails.queued((item) => item instanceof DecisionMail) as DecisionMail[]
    await mail.message.computeContents()
    mail.message.assertSubject(`Décision sur votre candidature ${application.reference} : retenue`)
  })

  test('an award beyond what is left of the envelope is refused and nothing changes', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 10_000_000 })
    const application = await scoredApplication(call, { score: 80 })
    const officer = await userWithRoles('programme_officer')
    const response = await decide(client, application.id, officer, {
      outcome: 'awarded',
      amount: '100 001',
    })
    response.assertStatus(409)
    await application.refresh()
    assert.equal(application.state, 'in_review')
    assert.equal(await pick(budgetOf(call.id), 'committed'), 0)
  })

  test('a rejection needs reasons; deciding twice is refused', async ({ client, assert }) => {
    const call = await callInReview()
    const application = await scoredApplication(call, { score: 80 })
    const officer = await userWithRoles('programme_officer')
    const missing = await decide(client, application.id, officer, { outcome: 'rejected' })
    missing.assertStatus(422)
    missing.assertBodyContains({ errors: [{ field: 'reasons' }] })
    const reasons = 'Le projet ne relève pas du périmètre de l’appel.'
    await expectStatus(
      decide(client, application.id, officer, { outcome: 'rejected', reasons }),
      201
    )
    const decision = await db
      .from('decisions')
      .where('application_id', application.id)
      .firstOrFail()
    assert.deepEqual(decision.reasons, [reasons])
    ;(await decide(client, application.id, officer, { outcome: 'awarded', amount: '1000' }), 409)
  })

  test('only programme officers decide', async ({ client, assert }) => {
    const call = await callInReview()
    const application = await scoredApplication(call, { score: 80 })
    for (const role of ['reviewer', 'applicant', 'finance_officer'] as const) {
      const user = await userWithRoles(role)
      await expectStatus(
        decide(client, application.id, user, { outcome: 'awarded', amount: '1000' }),
        403
      )
    }
    await application.refresh()
    assert.equal(application.state, 'in_review')
  })
})
