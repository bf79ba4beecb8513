import { test } from '@japa/runner'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { draftTo } from '#tests/functional/applications/staff_fixtures'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import {
  STATEMENT,
  applicationIn,
  auditOf,
  verdictMails,
} from '#tests/functional/eligibility/appeal_fixtures'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'
import type Application from '#applications/models/application'

const REASON = 'Hors taxes, le montant respecte bien le plafond de l’appel.'

function decide(
  client: ApiClient,
  application: Application,
  user: User,
  input: Record<string, string>
) {
  return client
    .post(`/staff/applications/${application.id}/appeal_decision`)
    .form(input)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

/** An application whose applicant appealed (in `locale`) an hour ago. */
async function appealed(locale = 'fr') {
  const fixture = await applicationIn('appealed', { locale })
  fixture.application.merge({
    appealedAt: fixture.application.submittedAt,
    appealStatement: STATEMENT,
  })
  await fixture.application.save()
  return fixture
}

test.group('Appeals / an officer decides an appeal', (group) => {
  isolateEachTest(group)

  test('upholding an appeal makes the application eligible, audited, and tells the applicant', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await appealed('zgh')
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    const response = await decide(client, application, officer, {
      decision: 'eligible',
      reason: REASON,
    })
    response.assertStatus(302)
    response.assertHeader('location', `/staff/applications/${application.id}`)
    response.assertFlashMessage('success', 'Recours tranché : la candidature est « Éligible ».')

    await application.refresh()
    assert.equal(application.state, 'eligible')
    assert.equal(application.verdictBy, officer.id)
    assert.deepEqual(await auditOf(application.id), [
      {
        action: 'application.transition',
        actor_id: officer.id,
        from_state: 'appealed',
        to_state: 'eligible',
        reason: REASON,
      },
    ])
    const [mail, ...others] = await verdictMails(mails)
    assert.lengthOf(others, 0)
    assert.deepEqual(mail.notice, { kind: 'appeal_decided', outcome: 'eligible', reason: REASON })
    mail.message.assertTo(applicant.email, applicant.fullName)
    mail.message.assertSubject(`ⵜⴰⵖⵜⴰⵙⵜ ⵅⴼ ⵓⵙⵓⵜⵔ ⵏⵏⴽ — ⵜⵓⵜⵜⵔⴰ ${application.reference}`)
    mail.message.assertHtmlIncludes('lang="zgh"')
  })

  test('dismissing an appeal keeps the application ineligible, by the officer’s hand', async ({
    client,
    assert,
  }) => {
    const { application } = await appealed()
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    const response = await decide(client, application, officer, {
      decision: 'ineligible',
      reason: REASON,
    })
    response.assertStatus(302)
    await application.refresh()
    assert.equal(application.state, 'ineligible')
    assert.equal(application.verdictBy, officer.id)
    const [mail] = await verdictMails(mails)
    mail.message.assertTextIncludes(
      `Après examen de votre recours, la candidature ${application.reference} reste non éligible.`
    )
  })

  test('a decision without a reason is refused, and nothing changes', async ({
    client,
    assert,
  }) => {
    const { application } = await appealed()
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()
    const response = await decide(client, application, officer, { decision: 'eligible' }).accept(
      'json'
    )
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [{ field: 'reason', message: 'Le motif est obligatoire.' }],
    })
    const unknown = await decide(client, application, officer, {
      decision: 'maybe',
      reason: REASON,
    }).accept('json')
    unknown.assertStatus(422)
    await application.refresh()
    assert.equal(application.state, 'appealed')
    assert.isNull(application.verdictBy)
    assert.lengthOf(await auditOf(application.id), 0)
    assert.lengthOf(mails.queued(), 0)
  })

  test('only an application under appeal can have its appeal decided', async ({
    client,
    assert,
  }) => {
    const { application } = await applicationIn('ineligible')
    const officer = await userWithRoles('programme_officer')
    const response = await decide(client, application, officer, {
      decision: 'eligible',
      reason: REASON,
    }).accept('json')
    response.assertStatus(409)
    response.assertBodyContains({
      errors: [{ message: "Cette candidature n'a pas de recours en attente de décision." }],
    })
    await application.refresh()
    assert.equal(application.state, 'ineligible')
  })

  test('only programme officers decide appeals; drafts are not found', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await appealed()
    for (const user of [applicant, await userWithRoles('reviewer'), await userWithRoles('admin')]) {
      const response = await decide(client, application, user, {
        decision: 'eligible',
        reason: REASON,
      }).accept('json')
      response.assertStatus(403)
    }
    await application.refresh()
    assert.equal(application.state, 'appealed')

    const officer = await userWithRoles('programme_officer')
    const draft = await draftTo(await openCallOf(), 'Brouillon')
    const response = await decide(client, draft, officer, {
      decision: 'eligible',
      reason: REASON,
    }).accept('json')
    response.assertStatus(404)
  })

  test('the staff page shows the appeal and the decision form', async ({ client }) => {
    const { application } = await appealed()
    const officer = await userWithRoles('programme_officer')
    const page = await client.get(`/staff/applications/${application.id}`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('Recours du candidat')
    page.assertTextIncludes('hors taxes, il respecte le plafond')
    page.assertTextIncludes(`action="/staff/applications/${application.id}/appeal_decision"`)
    page.assertTextIncludes('Accepter : éligible')
  })
})
