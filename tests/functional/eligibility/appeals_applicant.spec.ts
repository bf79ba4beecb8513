import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { formatCasablanca } from '#core/casablanca_time'
import Application from '#applications/models/application'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { userWithRoles } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import {
  STATEMENT,
  applicationIn,
  auditOf,
  verdictMails,
} from '#tests/functional/eligibility/appeal_fixtures'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

function appeal(client: ApiClient, application: Application, user: User, statement = STATEMENT) {
  return client
    .post(`/applications/${application.id}/appeal`)
    .form({ statement })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

test.group('Appeals / the applicant appeals an ineligible verdict', (group) => {
  isolateEachTest(group)

  test('an appeal 9 days 23 hours after the verdict is accepted, audited and acknowledged by mail in the applicant’s language', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await applicationIn('ineligible', {
      ago: { days: 9, hours: 23 },
      locale: 'ar',
    })
    const mails = captureMail()

    const response = await appeal(client, application, applicant)
    response.assertStatus(302)
    response.assertHeader('location', `/applications/${application.id}`)

    await application.refresh()
    assert.equal(application.state, 'appealed')
    assert.equal(application.appealStatement, STATEMENT)
    assert.isNotNull(application.appealedAt)
    assert.deepEqual(await auditOf(application.id), [
      {
        action: 'application.transition',
        actor_id: applicant.id,
        from_state: 'ineligible',
        to_state: 'appealed',
        reason: STATEMENT,
      },
    ])

    const [mail, ...others] = await verdictMails(mails)
    assert.lengthOf(others, 0)
    assert.deepEqual(mail.notice, { kind: 'appeal_received' })
    mail.message.assertTo(applicant.email, applicant.fullName)
    mail.message.assertSubject(`تم استلام التظلّم — الترشيح ${application.reference}`)
    mail.message.assertHtmlIncludes('dir="rtl"')
    mail.message.assertTextIncludes(`/applications/${application.id}`)
  })

  test('an appeal 10 days and 1 minute after the verdict is refused, and nothing changes', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await applicationIn('ineligible', {
      ago: { days: 10, minutes: 1 },
    })
    const mails = captureMail()

    const page = await appeal(client, application, applicant)
    page.assertStatus(302)
    page.assertFlashMessage(
      'error',
      "Le délai de recours est expiré : un recours doit être déposé dans les 10 jours qui suivent la décision d'inéligibilité."
    )
    const api = await appeal(client, application, applicant).accept('json')
    api.assertStatus(409)

    await application.refresh()
    assert.equal(application.state, 'ineligible')
    assert.isNull(application.appealedAt)
    assert.lengthOf(await auditOf(application.id), 0)
    assert.lengthOf(mails.queued(), 0)
  })

  test('the period counts from the latest time the application became ineligible', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await applicationIn('ineligible', { ago: { days: 30 } })
    // An officer overrode it to eligible, then back to ineligible, an hour ago.
    const officer = await userWithRoles('programme_officer')
    await applicationLifecycle.transition(Application, application.id, 'eligible', {
      actor: { id: officer.id },
    })
    await applicationLifecycle.transition(Application, application.id, 'ineligible', {
      actor: { id: officer.id },
    })
    captureMail()

    const response = await appeal(client, application, applicant).accept('json')
    response.assertStatus(201)
    await application.refresh()
    assert.equal(application.state, 'appealed')
  })

  test('a second appeal is refused, also after the first was decided', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await applicationIn('ineligible')
    captureMail()
    const first = await appeal(client, application, applicant).accept('json')
    first.assertStatus(201)

    const again = await appeal(client, application, applicant).accept('json')
    again.assertStatus(409)
    again.assertBodyContains({
      errors: [
        {
          message:
            'Un recours a déjà été déposé pour cette candidature : un seul recours est possible.',
        },
      ],
    })

    // The appeal is dismissed: ineligible again, within the period, but appealed once already.
    const officer = await userWithRoles('programme_officer')
    const dismissal = await client
      .post(`/staff/applications/${application.id}/appeal_decision`)
      .json({ decision: 'ineligible', reason: 'Le plafond est dépassé même hors taxes.' })
      .accept('json')
      .loginAs(officer)
      .withCsrfToken()
    dismissal.assertStatus(200)
    const afterDecision = await appeal(client, application, applicant).accept('json')
    afterDecision.assertStatus(409)
    await application.refresh()
    assert.equal(application.state, 'ineligible')
    const audit = await auditOf(application.id)
    assert.lengthOf(
      audit.filter((entry) => entry.to_state === 'appealed'),
      1
    )
  })

  test('an application that is not ineligible cannot be appealed', async ({ client, assert }) => {
    const { application, applicant } = await applicationIn('eligible')
    const response = await appeal(client, application, applicant).accept('json')
    response.assertStatus(409)
    response.assertBodyContains({
      errors: [
        { message: "Seule une candidature déclarée non éligible peut faire l'objet d'un recours." },
      ],
    })
    await application.refresh()
    assert.equal(application.state, 'eligible')
  })

  test('a statement shorter than 50 characters is refused with a field message', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await applicationIn('ineligible')
    const response = await appeal(client, application, applicant, 'Pas d’accord.').accept('json')
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [
        { field: 'statement', message: 'Votre recours doit contenir au moins 50 caractères.' },
      ],
    })
    const missing = await appeal(client, application, applicant, '').accept('json')
    missing.assertStatus(422)
    missing.assertBodyContains({
      errors: [{ field: 'statement', message: 'Expliquez les motifs de votre recours.' }],
    })
    await application.refresh()
    assert.equal(application.state, 'ineligible')
  })

  test('someone else’s application is not found; an officer cannot appeal for the applicant', async ({
    client,
    assert,
  }) => {
    const { application } = await applicationIn('ineligible')
    const stranger = await userWithRoles('applicant')
    const byStranger = await appeal(client, application, stranger)
    byStranger.assertStatus(404)
    const officer = await userWithRoles('programme_officer')
    const byOfficer = await appeal(client, application, officer)
    byOfficer.assertStatus(403)
    await application.refresh()
    assert.equal(application.state, 'ineligible')
  })

  test('the page offers “Faire un recours” only while the verdict may be appealed, then shows the appeal', async ({
    client,
    assert,
  }) => {
    const open = await applicationIn('ineligible', { ago: { days: 2 } })
    const openPage = await client
      .get(`/applications/${open.application.id}`)
      .loginAs(open.applicant)
    openPage.assertStatus(200)
    openPage.assertTextIncludes('Faire un recours')
    openPage.assertTextIncludes(`action="/applications/${open.application.id}/appeal"`)
    // A statement may mix Arabic and French: it takes the direction of its own words.
    assert.match(openPage.text(), /<textarea rows="5" dir="auto"[^>]*name="statement"/)

    const late = await applicationIn('ineligible', { ago: { days: 11 } })
    const latePage = await client
      .get(`/applications/${late.application.id}`)
      .loginAs(late.applicant)
    assert.notInclude(latePage.text(), 'Faire un recours')

    captureMail()
    await appeal(client, open.application, open.applicant)
    const appealedPage = await client
      .get(`/applications/${open.application.id}`)
      .loginAs(open.applicant)
    assert.notInclude(appealedPage.text(), 'Faire un recours')
    appealedPage.assertTextIncludes('Votre recours est en cours d')
    appealedPage.assertTextIncludes('hors taxes, il respecte le plafond')
  })

  test('after the 10 days the page says the appeal is closed, since when and why, in the applicant’s language', async ({
    client,
    assert,
  }) => {
    const late = await applicationIn('ineligible', { ago: { days: 11 } })
    const since = formatCasablanca(DateTime.utc().minus({ days: 1 }), 'fr')
    const page = await client.get(`/applications/${late.application.id}`).loginAs(late.applicant)
    page.assertTextIncludes('Recours clos')
    page.assertTextIncludes(`Le délai de recours est clos depuis le ${since}`)
    page.assertTextIncludes('dans les 10 jours qui suivent')

    const arabic = await applicationIn('ineligible', { ago: { days: 11 }, locale: 'ar' })
    const arabicPage = await client
      .get(`/applications/${arabic.application.id}`)
      .loginAs(arabic.applicant)
    arabicPage.assertTextIncludes('باب التظلّم مغلق')
    arabicPage.assertTextIncludes('10 أيام')
    assert.notInclude(arabicPage.text(), 'Recours clos')
  })

  test('once the one appeal is decided the page says no other appeal is possible', async ({
    client,
  }) => {
    const decided = await applicationIn('ineligible', { ago: { days: 1 } })
    decided.application.appealedAt = DateTime.utc().minus({ days: 3 })
    decided.application.appealStatement = STATEMENT
    await decided.application.save()
    const page = await client
      .get(`/applications/${decided.application.id}`)
      .loginAs(decided.applicant)
    page.assertTextIncludes('Recours clos')
    page.assertTextIncludes('un seul recours est possible par candidature')
  })
})
