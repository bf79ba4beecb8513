import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type { SessionData } from '@adonisjs/session/types'
import db from '@adonisjs/lucid/services/db'
import Passkey from '#identity/models/passkey'
import type User from '#identity/models/user'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { assuranceOf } from '#tests/helpers/assurance'
import { SoftwareAuthenticator } from '#tests/helpers/software_authenticator'
import { relyingParty } from '#identity/second_factor/passkeys'
import { ASSURANCE_SESSION_KEY } from '#identity/second_factor/assurance'
import { generateTotpSecret } from '#identity/second_factor/totp'
import { codeOf, enrolAuthenticator, passwordLogin } from './second_factor_fixtures.js'

function authenticator() {
  return new SoftwareAuthenticator(relyingParty().id, relyingParty().origin)
}

/** The registration ceremony through the routes, as passkeys.js runs it. */
async function registerPasskey(
  client: ApiClient,
  user: User,
  device: SoftwareAuthenticator,
  origin?: string
) {
  const options = await client
    .post('/passkeys/options')
    .loginAs(user)
    .withCsrfToken()
    .accept('json')
  options.assertStatus(200)
  return client
    .post('/passkeys')
    .json({ name: 'Téléphone', credential: device.register(options.body(), origin) })
    .loginAs(user)
    .withSession({ ...(options.session() as SessionData), ...assuranceOf(user) })
    .withCsrfToken()
    .accept('json')
}

/** The second step with a passkey, from the session the password left. */
async function passkeyStep(client: ApiClient, session: SessionData, device: SoftwareAuthenticator) {
  const options = await client
    .post('/mfa/passkey/options')
    .withSession(session)
    .withCsrfToken()
    .accept('json')
  options.assertStatus(200)
  const challengeSession = options.session() as SessionData
  const assertion = device.assert(options.body())
  const answer = await client
    .post('/mfa/passkey')
    .json({ credential: assertion })
    .withSession(challengeSession)
    .withCsrfToken()
    .accept('json')
  return { answer, challengeSession, assertion }
}

test.group('Passkeys', (group) => {
  isolateEachTest(group)

  test('a person registers a passkey made by an authenticator (ES256, none attestation)', async ({
    client,
    assert,
  }) => {
    const user = await userWithRoles('applicant')
    const device = authenticator()
    const response = await registerPasskey(client, user, device)
    response.assertStatus(201)
    const passkey = await Passkey.findByOrFail('userId', user.id)
    assert.equal(passkey.credentialId, device.credentialId.toString('base64url'))
    assert.equal(passkey.name, 'Téléphone')
    const audit = await db.from('audit_logs').where({ action: 'user.passkey_added' }).first()
    assert.equal(audit.subject_id, String(user.id))

    const profile = await client.get('/profile').loginAs(user)
    assert.include(profile.text(), 'Téléphone')
  })

  test('a passkey made for another origin, or without a pending challenge, is refused', async ({
    client,
    assert,
  }) => {
    const user = await userWithRoles('applicant')
    const phished = await registerPasskey(client, user, authenticator(), 'https://manassa.evil')
    phished.assertStatus(422)
    const unsolicited = await client
      .post('/passkeys')
      .json({ name: 'x', credential: authenticator().register({ challenge: 'AAAA' }) })
      .loginAs(user)
      .withCsrfToken()
      .accept('json')
    unsolicited.assertStatus(422)
    assert.isNull(await Passkey.findBy('userId', user.id))
  })

  test('a passkey is a second factor at sign-in; its assertion never works twice', async ({
    client,
    assert,
  }) => {
    const user = await userWithRoles('finance_officer')
    await enrolAuthenticator(user)
    const device = authenticator()
    const registered = await registerPasskey(client, user, device)
    registered.assertStatus(201)

    const { session } = await passwordLogin(client, user)
    const page = await client.get('/mfa/challenge').withSession(session)
    assert.include(page.text(), 'data-passkey-verify')
    const { answer, challengeSession, assertion } = await passkeyStep(client, session, device)
    answer.assertStatus(200)
    assert.equal(answer.body().data.redirect, '/dashboard')
    const full = answer.session() as SessionData
    assert.isTrue((full[ASSURANCE_SESSION_KEY] as { secondFactor: boolean }).secondFactor)
    const finance = await client.get('/finance').withSession(full)
    finance.assertStatus(200)

    const replayed = await client
      .post('/mfa/passkey')
      .json({ credential: assertion })
      .withSession(challengeSession)
      .withCsrfToken()
      .accept('json')
    replayed.assertStatus(422)
  })

  test('a passkey of someone else does not pass the step', async ({ client }) => {
    const owner = await userWithRoles('reviewer')
    const device = authenticator()
    const registered = await registerPasskey(client, owner, device)
    registered.assertStatus(201)
    const other = await userWithRoles('reviewer')
    await enrolAuthenticator(other)
    const { session } = await passwordLogin(client, other)
    const { answer } = await passkeyStep(client, session, device)
    answer.assertStatus(422)
  })

  test('a person removes their own passkey, never someone else’s', async ({ client, assert }) => {
    const user = await userWithRoles('applicant')
    const registered = await registerPasskey(client, user, authenticator())
    registered.assertStatus(201)
    const passkey = await Passkey.findByOrFail('userId', user.id)
    const stranger = await userWithRoles('applicant')
    const refused = await client.delete(`/passkeys/${passkey.id}`).loginAs(stranger).withCsrfToken()
    refused.assertStatus(404)
    const removed = await client
      .delete(`/passkeys/${passkey.id}`)
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    removed.assertHeader('location', '/profile')
    assert.isNull(await Passkey.find(passkey.id))
  })

  test('with a passkey and no app, a password alone cannot add an app: the passkey step it is', async ({
    client,
  }) => {
    const user = await userWithRoles('applicant')
    const registered = await registerPasskey(client, user, authenticator())
    registered.assertStatus(201)
    user.roles = ['reviewer']
    await user.save()
    const { response, session } = await passwordLogin(client, user)
    response.assertHeader('location', '/mfa/challenge')
    const step = await client.get('/mfa/challenge').withSession(session)
    step.assertStatus(200)
    step.assertTextIncludes('data-passkey-verify')
    const enrol = await client.get('/mfa/totp/new').withSession(session).redirects(0)
    enrol.assertHeader('location', '/mfa/challenge')
    const secret = generateTotpSecret()
    const posted = await client
      .post('/mfa/totp')
      .form({ code: codeOf(secret) })
      .withSession({ ...session, totp_enrolment_secret: secret })
      .withCsrfToken()
      .accept('json')
    posted.assertStatus(409)
  })
})
