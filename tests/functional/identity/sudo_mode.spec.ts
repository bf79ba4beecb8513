import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { SessionData } from '@adonisjs/session/types'
import TotpFactor from '#identity/models/totp_factor'
import type User from '#identity/models/user'
import { FACTORY_PASSWORD, UserFactory, userWithRoles } from '#database/factories/user_factory'
import { openCallOf } from '#database/factories/programme_factory'
import { STAFF_FORM } from '#tests/functional/applications/staff_fixtures'
import { isolateEachTest } from '#tests/helpers/http'
import { assuranceOf } from '#tests/helpers/assurance'
import { ASSURANCE_SESSION_KEY, SUDO_WINDOW_MS } from '#identity/second_factor/assurance'
import { EnrolTotp } from '#identity/actions/enrol_totp'
import { codeOf, enrolAuthenticator, passwordLogin } from './second_factor_fixtures.js'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** Every route behind sudo mode; ids need not exist (past sudo, a 404 is fine). */
function sensitiveRoutes(target: User): Array<[Method, string]> {
  return [
    ['POST', '/finance/tranches/999999/approval'],
    ['GET', '/finance/calls/999999/ledger/tranches.csv'],
    ['GET', '/staff/calls/999999/applications.csv'],
    ['GET', '/staff/dashboards/reviewers.csv'],
    ['GET', '/admin/audit.csv'],
    ['POST', '/admin/privacy/requests/999999/erasure'],
    ['POST', '/finance/payments/999999/execution'],
    ['GET', '/finance/payments/999999/files/pain001'],
    ['PUT', `/admin/users/${target.id}/roles`],
    ['POST', '/admin/invitations'],
    ['DELETE', `/admin/users/${target.id}/second-factor`],
    ['POST', '/mfa/recovery-codes'],
    ['POST', '/passkeys/options'],
    ['POST', '/passkeys'],
    ['DELETE', '/passkeys/999999'],
  ]
}

/** Full session, whose last proof of identity is `ageMs` old. */
function sessionAged(user: User, ageMs: number) {
  return assuranceOf(user, { confirmedAt: Date.now() - ageMs })
}

function sudoTarget(location: string | undefined) {
  const url = new URL(location ?? '/', 'http://localhost')
  return { path: url.pathname, returnTo: url.searchParams.get('return_to') }
}

test.group('Sudo mode', (group) => {
  isolateEachTest(group)

  test('each sensitive route wants a proof of identity under 15 minutes old', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('admin', 'finance_officer', 'programme_officer')
    const target = await UserFactory.create()
    for (const [method, url] of sensitiveRoutes(target)) {
      const stale = await client
        .request(url, method)
        .loginAs(officer)
        .withSession(sessionAged(officer, SUDO_WINDOW_MS + 60_000))
        .header('Referer', '/finance')
        .withCsrfToken()
        .redirects(0)
      assert.equal(stale.status(), 302, `${method} ${url} after 16 minutes`)
      const { path, returnTo } = sudoTarget(stale.header('location'))
      assert.equal(path, '/sudo', `${method} ${url}`)
      assert.equal(returnTo, method === 'GET' ? url : '/finance', `${method} ${url}`)

      const json = await client
        .request(url, method)
        .loginAs(officer)
        .withSession(sessionAged(officer, SUDO_WINDOW_MS + 60_000))
        .withCsrfToken()
        .accept('json')
      assert.equal(json.status(), 403, `${method} ${url} as JSON`)
      assert.equal(json.body().errors[0].code, 'E_SUDO_REQUIRED')

      const fresh = await client
        .request(url, method)
        .loginAs(officer)
        .withSession(sessionAged(officer, SUDO_WINDOW_MS - 60_000))
        .header('Referer', '/finance')
        .withCsrfToken()
        .redirects(0)
      const location = fresh.header('location') ?? ''
      assert.isFalse(location.startsWith('/sudo'), `${method} ${url} within 15 minutes`)
    }
  })

  test('a password-only session is never in sudo mode', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const response = await client
      .get('/staff/calls/999999/applications.csv')
      .loginAs(officer)
      .withSession(assuranceOf(officer, { secondFactor: false }))
      .redirects(0)
    assert.equal(response.header('location'), '/mfa/challenge')
  })

  test('re-authenticating with password and code leads back to the export, which then works', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const secret = await enrolAuthenticator(officer)
    const call = await openCallOf('startup_offer', STAFF_FORM)
    const exportUrl = `/staff/calls/${call.id}/applications.csv`
    const stale = sessionAged(officer, SUDO_WINDOW_MS + 1_000)

    const refused = await client.get(exportUrl).loginAs(officer).withSession(stale).redirects(0)
    const { returnTo } = sudoTarget(refused.header('location'))
    assert.equal(returnTo, exportUrl)

    const page = await client
      .get(`/sudo?return_to=${encodeURIComponent(returnTo!)}`)
      .loginAs(officer)
      .withSession(stale)
    page.assertStatus(200)
    assert.include(page.text(), 'name="password"')
    assert.include(page.text(), 'name="code"')
    assert.include(page.text(), `value="${exportUrl}"`)

    const wrongPassword = await client
      .post('/sudo')
      .form({ password: 'not it', code: codeOf(secret), returnTo })
      .loginAs(officer)
      .withSession(stale)
      .withCsrfToken()
      .accept('json')
    wrongPassword.assertStatus(422)
    const withoutCode = await client
      .post('/sudo')
      .form({ password: FACTORY_PASSWORD, returnTo })
      .loginAs(officer)
      .withSession(stale)
      .withCsrfToken()
      .accept('json')
    withoutCode.assertStatus(422)

    const confirmed = await client
      .post('/sudo')
      .form({ password: FACTORY_PASSWORD, code: codeOf(secret), returnTo })
      .loginAs(officer)
      .withSession(stale)
      .withCsrfToken()
      .redirects(0)
    confirmed.assertStatus(302)
    confirmed.assertHeader('location', exportUrl)
    const renewed = confirmed.session() as SessionData
    assert.isAbove(
      (renewed[ASSURANCE_SESSION_KEY] as { confirmedAt: number }).confirmedAt,
      Date.now() - 10_000
    )
    const csv = await client.get(exportUrl).loginAs(officer).withSession(renewed)
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
  })

  test('the way back after re-authentication stays on this site', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    await enrolAuthenticator(officer)
    await TotpFactor.query().where('userId', officer.id).delete()
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await client
        .post('/sudo')
        .form({ password: FACTORY_PASSWORD, returnTo })
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', '/')
    }
  })

  test('an admin resets a lost authenticator (audited); the person enrols again at sign-in', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const person = await userWithRoles('finance_officer')
    await enrolAuthenticator(person)
    const response = await client
      .delete(`/admin/users/${person.id}/second-factor`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.isNull(await TotpFactor.find(person.id))
    const audit = await db
      .from('audit_logs')
      .where({ action: 'user.second_factor_reset', subject_id: String(person.id) })
      .first()
    assert.equal(audit.actor_id, admin.id)

    const { session } = await passwordLogin(client, person)
    const step = await client.get('/mfa/challenge').withSession(session).redirects(0)
    step.assertHeader('location', '/mfa/totp/new')
  })

  test('only an admin resets a second factor', async ({ client }) => {
    const officer = await userWithRoles('finance_officer')
    const person = await userWithRoles('reviewer')
    const response = await client
      .delete(`/admin/users/${person.id}/second-factor`)
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(403)
  })

  test('new recovery codes replace the old ones, shown once', async ({ client, assert }) => {
    const user = await userWithRoles('reviewer')
    const secret = 'JBSWY3DPEHPK3PXP'
    const [oldCode] = await new EnrolTotp().handle(
      user.id,
      { secret, code: codeOf(secret) },
      { id: user.id }
    )
    const response = await client.post('/mfa/recovery-codes').loginAs(user).withCsrfToken()
    response.assertStatus(200)
    const codes = [...response.text().matchAll(/<code>([a-z2-7]{5}-[a-z2-7]{5})<\/code>/g)]
    assert.lengthOf(codes, 10)
    assert.notInclude(
      codes.map((match) => match[1]),
      oldCode
    )
    const { session } = await passwordLogin(client, user)
    const withOld = await client
      .post('/mfa/challenge')
      .form({ code: oldCode })
      .withSession(session)
      .withCsrfToken()
      .accept('json')
    withOld.assertStatus(422)
    const withNew = await client
      .post('/mfa/challenge')
      .form({ code: codes[0][1] })
      .withSession(session)
      .withCsrfToken()
      .redirects(0)
    withNew.assertHeader('location', '/dashboard')
  })
})
