import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import User from '#identity/models/user'
import TotpFactor from '#identity/models/totp_factor'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { ASSURANCE_SESSION_KEY } from '#identity/second_factor/assurance'
import { STAFF_ROLES } from '#identity/roles'
import { EnrolTotp } from '#identity/actions/enrol_totp'
import { generateTotpSecret } from '#identity/second_factor/totp'
import { codeOf, enrolAuthenticator, passwordLogin } from './second_factor_fixtures.js'

/** A page of each staff area, and pages everyone has. */
const STAFF_PAGES = [
  '/dashboard',
  '/profile',
  '/organizations',
  '/reviews',
  '/staff/programmes',
  '/finance',
  '/finance/payments',
  '/institute',
  '/admin/users',
  '/admin/audit',
  '/staff/scoreboard',
]

test.group('Second factor at sign-in', (group) => {
  isolateEachTest(group)

  test('after the password alone, staff get nothing but the second-factor step', async ({
    client,
    assert,
  }) => {
    for (const role of STAFF_ROLES) {
      const user = await userWithRoles(role)
      await enrolAuthenticator(user)
      const { response, session } = await passwordLogin(client, user)
      response.assertStatus(302)
      response.assertHeader('location', '/mfa/challenge')
      for (const page of STAFF_PAGES) {
        const refused = await client.get(page).withSession(session).redirects(0)
        assert.equal(refused.status(), 302, `${role} ${page}`)
        assert.equal(refused.header('location'), '/mfa/challenge', `${role} ${page}`)
        const json = await client.get(page).withSession(session).accept('json')
        assert.equal(json.status(), 403, `${role} ${page} as JSON`)
        assert.equal(json.body().errors[0].code, 'E_SECOND_FACTOR_REQUIRED')
      }
      const step = await client.get('/mfa/challenge').withSession(session)
      step.assertStatus(200)
      assert.include(step.text(), 'Vérification en deux étapes')
      assert.notInclude(step.text(), 'href="/dashboard"', 'the header offers only to log out')
      assert.include(step.text(), 'Se déconnecter')
    }
  })

  test('the code from the app opens the session; the same code never again', async ({
    client,
    assert,
  }) => {
    const user = await userWithRoles('finance_officer')
    const secret = await enrolAuthenticator(user)
    const code = codeOf(secret)

    const first = await passwordLogin(client, user)
    const passed = await client
      .post('/mfa/challenge')
      .form({ code })
      .withSession(first.session)
      .withCsrfToken()
      .redirects(0)
    passed.assertHeader('location', '/dashboard')
    const session = passed.session()
    assert.isTrue(session[ASSURANCE_SESSION_KEY].secondFactor)
    const page = await client.get('/finance').withSession(session)
    page.assertStatus(200)

    const second = await passwordLogin(client, user)
    const replayed = await client
      .post('/mfa/challenge')
      .form({ code })
      .withSession(second.session)
      .withCsrfToken()
      .header('Referer', '/mfa/challenge')
      .redirects(0)
    replayed.assertStatus(302)
    replayed.assertHeader('location', '/mfa/challenge')
    assert.deepEqual(replayed.flashMessages().inputErrorsBag, {
      code: ["Ce code n'est pas valide ou a déjà servi."],
    })
    assert.isFalse(replayed.session()[ASSURANCE_SESSION_KEY].secondFactor)
  })

  test('five wrong codes in 15 minutes, then even the right one gets 429', async ({
    client,
    assert,
  }) => {
    const user = await userWithRoles('admin')
    const secret = await enrolAuthenticator(user)
    const { session } = await passwordLogin(client, user)
    const statuses: number[] = []
    for (const code of ['000000', '111111', '222222', '333333', '444444', codeOf(secret)]) {
      const response = await client
        .post('/mfa/challenge')
        .form({ code })
        .withSession(session)
        .withCsrfToken()
        .accept('json')
      statuses.push(response.status())
    }
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 429])
  })

  test('a staff member without an authenticator enrols one, and sees ten recovery codes once', async ({
    client,
    assert,
  }) => {
    const user = await userWithRoles('programme_officer')
    const { session } = await passwordLogin(client, user)
    const toEnrolment = await client.get('/mfa/challenge').withSession(session).redirects(0)
    toEnrolment.assertHeader('location', '/mfa/totp/new')

    const page = await client.get('/mfa/totp/new').withSession(session)
    page.assertStatus(200)
    assert.include(page.text(), '<svg')
    assert.include(page.text(), 'otpauth://totp/Manassa')
    const pending = page.session()
    const secret = pending.totp_enrolment_secret as string
    assert.include(page.text(), secret.slice(0, 4))

    const wrong = await client
      .post('/mfa/totp')
      .form({ code: '000000' })
      .withSession(pending)
      .withCsrfToken()
      .accept('json')
    wrong.assertStatus(422)

    const enrolled = await client
      .post('/mfa/totp')
      .form({ code: codeOf(secret) })
      .withSession(pending)
      .withCsrfToken()
    enrolled.assertStatus(200)
    const codes = [...enrolled.text().matchAll(/<code>([a-z2-7]{5}-[a-z2-7]{5})<\/code>/g)]
    assert.lengthOf(codes, 10)
    const dashboard = await client.get('/dashboard').withSession(enrolled.session())
    dashboard.assertStatus(200)

    const factor = await TotpFactor.findOrFail(user.id)
    assert.notInclude(factor.secretEncrypted, secret, 'the secret is encrypted at rest')
    assert.equal(encryption.decrypt(factor.secretEncrypted, 'totp.secret'), secret)
    const stored = await db.from('recovery_codes').where('user_id', user.id)
    assert.lengthOf(stored, 10)
    assert.notInclude(JSON.stringify(stored), codes[0][1].replace('-', ''))
    const audit = await db.from('audit_logs').where({ action: 'user.totp_enrolled' }).first()
    assert.equal(audit.subject_id, String(user.id))

    const again = await client.get('/mfa/totp/new').withSession(enrolled.session()).redirects(0)
    again.assertHeader('location', '/profile')
  })

  test('a password-only session cannot enrol a second authenticator over the first', async ({
    client,
  }) => {
    const user = await userWithRoles('admin')
    await enrolAuthenticator(user)
    const { session } = await passwordLogin(client, user)
    const page = await client.get('/mfa/totp/new').withSession(session).redirects(0)
    page.assertStatus(302)
    const secret = generateTotpSecret()
    const posted = await client
      .post('/mfa/totp')
      .form({ code: codeOf(secret) })
      .withSession({ ...session, totp_enrolment_secret: secret })
      .withCsrfToken()
      .accept('json')
    posted.assertStatus(409)
  })

  test('a recovery code works once, and its use is audited', async ({ client, assert }) => {
    const user = await userWithRoles('reviewer')
    const codes = await new EnrolTotp().handle(
      user.id,
      { secret: 'JBSWY3DPEHPK3PXP', code: codeOf('JBSWY3DPEHPK3PXP') },
      { id: user.id }
    )
    const [code] = codes
    const first = await passwordLogin(client, user)
    const passed = await client
      .post('/mfa/challenge')
      .form({ code: code.toUpperCase() })
      .withSession(first.session)
      .withCsrfToken()
      .redirects(0)
    passed.assertHeader('location', '/dashboard')
    const audit = await db
      .from('audit_logs')
      .where({ action: 'user.recovery_code_used', subject_id: String(user.id) })
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].metadata.remaining, 9)

    const second = await passwordLogin(client, user)
    const reused = await client
      .post('/mfa/challenge')
      .form({ code })
      .withSession(second.session)
      .withCsrfToken()
      .accept('json')
    reused.assertStatus(422)
  })

  test('applicants sign in with a password, unless they enrolled an authenticator', async ({
    client,
  }) => {
    const plain = await UserFactory.create()
    const { response } = await passwordLogin(client, plain)
    response.assertHeader('location', '/dashboard')

    const careful = await UserFactory.create()
    await enrolAuthenticator(careful)
    const login = await passwordLogin(client, careful)
    login.response.assertHeader('location', '/mfa/challenge')
    const refused = await client.get('/dashboard').withSession(login.session).redirects(0)
    refused.assertHeader('location', '/mfa/challenge')
  })

  test('logout works from the second-factor step', async ({ client }) => {
    const user = await userWithRoles('admin')
    const { session } = await passwordLogin(client, user)
    const response = await client.post('/logout').withSession(session).withCsrfToken().redirects(0)
    response.assertHeader('location', '/login')
  })
})

test.group('Second factor and API tokens', (group) => {
  isolateEachTest(group)

  test('a staff token issued without a second factor gets 403 with a clear message', async ({
    client,
    assert,
  }) => {
    const reviewer = await userWithRoles('reviewer')
    const token = await User.accessTokens.create(reviewer)
    const response = await client
      .get('/api/v1/me')
      .bearerToken(token.value!.release())
      .header('Accept-Language', 'en')
    response.assertStatus(403)
    assert.include(response.body().errors[0].message, 'issued without a second factor')
  })

  test('staff get a token with their code, and it works', async ({ client, assert }) => {
    const reviewer = await userWithRoles('reviewer')
    const secret = await enrolAuthenticator(reviewer)
    const credentials = { email: reviewer.email, password: 'correct horse battery staple' }
    const withoutCode = await client.post('/api/v1/tokens').json(credentials)
    withoutCode.assertStatus(422)
    assert.equal(withoutCode.body().errors[0].field, 'code')

    const issued = await client
      .post('/api/v1/tokens')
      .json({ ...credentials, code: codeOf(secret) })
    issued.assertStatus(201)
    const me = await client.get('/api/v1/me').bearerToken(issued.body().token)
    me.assertStatus(200)
  })

  test('an applicant without an authenticator still gets a token with the password', async ({
    client,
  }) => {
    const applicant = await UserFactory.create()
    const issued = await client
      .post('/api/v1/tokens')
      .json({ email: applicant.email, password: 'correct horse battery staple' })
    issued.assertStatus(201)
    const me = await client.get('/api/v1/me').bearerToken(issued.body().token)
    me.assertStatus(200)
  })
})
