import { test } from '@japa/runner'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { draftTo } from '#tests/functional/applications/staff_fixtures'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { applicationIn, auditOf, verdictMails } from '#tests/functional/eligibility/appeal_fixtures'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'
import type Application from '#applications/models/application'

const REASON = 'Le chiffre d’affaires déclaré a été vérifié auprès de la DGI.'

function review(
  client: ApiClient,
  application: Application,
  user: User,
  input: Record<string, string>
) {
  return client
    .post(`/staff/applications/${application.id}/verdict`)
    .form(input)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

test.group('Verdicts / an officer confirms or overrides the eligibility verdict', (group) => {
  isolateEachTest(group)

  test('a decision without a reason is refused with a field message, and nothing changes', async ({
    client,
    assert,
  }) => {
    const { application } = await applicationIn('eligible')
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    const api = await review(client, application, officer, { decision: 'override' }).accept('json')
    api.assertStatus(422)
    api.assertBodyContains({ errors: [{ field: 'reason', message: 'Le motif est obligatoire.' }] })

    const blank = await review(client, application, officer, {
      decision: 'confirm',
      reason: '   ',
    }).accept('json')
    blank.assertStatus(422)
    const short = await review(client, application, officer, {
      decision: 'override',
      reason: 'Parce que',
    }).accept('json')
    short.assertStatus(422)
    short.assertBodyContains({
      errors: [{ field: 'reason', message: 'Le motif doit contenir au moins 10 caractères.' }],
    })

    const page = await review(client, application, officer, { decision: 'override' }).header(
      'referer',
      `/staff/applications/${application.id}`
    )
    page.assertStatus(302)
    page.assertHeader('location', `/staff/applications/${application.id}`)
    page.assertFlashMessage('inputErrorsBag', { reason: ['Le motif est obligatoire.'] })

    await application.refresh()
    assert.equal(application.state, 'eligible')
    assert.isNull(application.verdictBy)
    assert.lengthOf(await auditOf(application.id), 0)
    assert.lengthOf(mails.queued(), 0)
  })

  test('confirming keeps the state, audits the reason and makes the verdict the officer’s', async ({
    client,
    assert,
  }) => {
    const { application } = await applicationIn('ineligible')
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    const response = await review(client, application, officer, {
      decision: 'confirm',
      reason: REASON,
    })
    response.assertStatus(302)
    response.assertHeader('location', `/staff/applications/${application.id}`)
    response.assertFlashMessage('success', 'Verdict confirmé (Non éligible).')

    await application.refresh()
    assert.equal(application.state, 'ineligible')
    assert.equal(application.verdictBy, officer.id)
    assert.deepEqual(await auditOf(application.id), [
      {
        action: 'application.verdict_confirmed',
        actor_id: officer.id,
        from_state: null,
        to_state: null,
        reason: REASON,
      },
    ])
    assert.lengthOf(mails.queued(), 0)
  })

  test('an override flips eligible to ineligible, is audited, and the applicant is told in their language', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await applicationIn('eligible', { locale: 'en' })
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    const response = await review(client, application, officer, {
      decision: 'override',
      reason: REASON,
    }).accept('json')
    response.assertStatus(200)
    response.assertBodyContains({ id: application.id, state: 'ineligible' })

    await application.refresh()
    assert.equal(application.state, 'ineligible')
    assert.equal(application.verdictBy, officer.id)
    assert.deepEqual(await auditOf(application.id), [
      {
        action: 'application.transition',
        actor_id: officer.id,
        from_state: 'eligible',
        to_state: 'ineligible',
        reason: REASON,
      },
    ])

    const [mail, ...others] = await verdictMails(mails)
    assert.lengthOf(others, 0)
    mail.message.assertTo(applicant.email, applicant.fullName)
    mail.message.assertSubject(
      `Your eligibility verdict has changed — application ${application.reference}`
    )
    mail.message.assertTextIncludes('You may appeal within 10 days.')
    mail.message.assertTextIncludes(REASON)
  })

  test('an override flips ineligible to eligible; the applicant can no longer appeal', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await applicationIn('ineligible')
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    const response = await review(client, application, officer, {
      decision: 'override',
      reason: REASON,
    })
    response.assertStatus(302)
    await application.refresh()
    assert.equal(application.state, 'eligible')
    assert.equal(application.verdictBy, officer.id)
    const [mail] = await verdictMails(mails)
    mail.message.assertTextIncludes(
      `la candidature ${application.reference} est désormais éligible.`
    )

    const page = await client.get(`/applications/${application.id}`).loginAs(applicant)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'Faire un recours')
  })

  test('an application without a verdict cannot be confirmed nor overridden', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    for (const state of ['appealed', 'in_review', 'submitted'] as const) {
      const { application } = await applicationIn(state)
      const response = await review(client, application, officer, {
        decision: 'override',
        reason: REASON,
      }).accept('json')
      response.assertStatus(409)
      await application.refresh()
      assert.equal(application.state, state)
      assert.isNull(application.verdictBy)
    }
  })

  test('only programme officers decide; drafts are not found', async ({ client, assert }) => {
    const { application, applicant } = await applicationIn('eligible')
    for (const user of [
      applicant,
      await userWithRoles('reviewer'),
      await userWithRoles('finance_officer'),
      await userWithRoles('admin'),
    ]) {
      const response = await review(client, application, user, {
        decision: 'override',
        reason: REASON,
      }).accept('json')
      response.assertStatus(403)
    }
    await application.refresh()
    assert.equal(application.state, 'eligible')

    const officer = await userWithRoles('programme_officer')
    const draft = await draftTo(await openCallOf(), 'Brouillon')
    const response = await review(client, draft, officer, {
      decision: 'confirm',
      reason: REASON,
    }).accept('json')
    response.assertStatus(404)
  })

  test('the staff page offers the decision on a verdict', async ({ client }) => {
    const { application } = await applicationIn('eligible')
    const officer = await userWithRoles('programme_officer')
    const page = await client.get(`/staff/applications/${application.id}`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('Verdict d')
    page.assertTextIncludes(`action="/staff/applications/${application.id}/verdict"`)
    page.assertTextIncludes('Renverser : Non éligible')
  })
})
