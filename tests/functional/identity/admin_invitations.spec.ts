import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import User from '#identity/models/user'
import AccountMail from '#identity/mails/account_mail'
import { InstituteFactory } from '#database/factories/training_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { ROLES } from '#identity/roles'

const PASSWORD = 'a passphrase of my own'

async function invite(client: ApiClient, admin: User, body: Record<string, unknown>) {
  const mails = captureMail()
  const response = await client
    .post('/admin/invitations')
    .form(body)
    .loginAs(admin)
    .withCsrfToken()
    .redirects(0)
  const queued = mails.queued((mail) => mail instanceof AccountMail) as AccountMail[]
  return { response, queued }
}

test.group('Admin: inviting people', (group) => {
  isolateEachTest(group)

  test('the users page links to the invitation form, which offers every role and the institutes', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const institute = await InstituteFactory.create()
    const users = await client.get('/admin/users').loginAs(admin)
    users.assertStatus(200)
    assert.include(users.text(), 'href="/admin/invitations/create"')
    const form = await client.get('/admin/invitations/create').loginAs(admin)
    form.assertStatus(200)
    for (const role of ROLES) assert.include(form.text(), `value="${role}"`)
    assert.include(form.text(), `value="${institute.id}"`)
  })

  test('an invited coordinator gets a mail in their language, sets a password once and logs in with the roles given', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const institute = await InstituteFactory.create()
    const { response, queued } = await invite(client, admin, {
      email: 'Nadia.Tazi@Example.ma',
      fullName: 'Nadia Tazi',
      roles: ['reviewer', 'institute_coordinator'],
      instituteId: institute.id,
      preferredLocale: 'ar',
    })
    response.assertStatus(302)
    response.assertHeader('location', '/admin/users')

    const person = await User.findByOrFail('email', 'nadia.tazi@example.ma')
    assert.deepEqual(person.roles, ['institute_coordinator', 'reviewer'])
    assert.equal(person.instituteId, institute.id)
    assert.isNull(person.emailVerifiedAt)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'user.invited', subject_id: String(person.id) })
      .first()
    assert.equal(audit.actor_id, admin.id)
    assert.deepEqual(audit.metadata.roles, ['institute_coordinator', 'reviewer'])

    assert.lengthOf(queued, 1)
    assert.equal(queued[0].kind, 'invitation')
    await queued[0].message.computeContents()
    const message = queued[0].message.toJSON().message
    assert.deepEqual(message.to, [{ address: person.email, name: 'Nadia Tazi' }])
    assert.include(message.subject, 'دعوة')
    const path = queued[0].path
    assert.match(path, /^\/invitations\/[\w-]{20,}$/)

    // No password works before the invitation is accepted.
    await assert.rejects(() => User.verifyCredentials(person.email, PASSWORD))
    const page = await client.get(path)
    page.assertStatus(200)
    const accepted = await client
      .post(path)
      .form({ password: PASSWORD, passwordConfirmation: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    accepted.assertStatus(302)
    accepted.assertHeader('location', '/login')
    await person.refresh()
    assert.isNotNull(person.emailVerifiedAt)
    const acceptance = await db
      .from('audit_logs')
      .where({ action: 'user.invitation_accepted', subject_id: String(person.id) })
    assert.lengthOf(acceptance, 1)

    const login = await client
      .post('/login')
      .form({ email: person.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    login.assertStatus(302)
    // Staff: the password is only the first step, then the authenticator's enrolment.
    login.assertHeader('location', '/mfa/challenge')
    const reviews = await client.get('/reviews').loginAs(person)
    reviews.assertStatus(200)
    const instituteHome = await client.get('/institute').loginAs(person)
    instituteHome.assertStatus(200)

    // The link is single-use.
    const replay = await client
      .post(path)
      .header('Referer', path)
      .form({ password: 'someone else entirely', passwordConfirmation: 'someone else entirely' })
      .withCsrfToken()
      .redirects(0)
    replay.assertStatus(302)
    await assert.rejects(() => User.verifyCredentials(person.email, 'someone else entirely'))
  })

  test('an expired invitation link is refused', async ({ client, assert }) => {
    const admin = await userWithRoles('admin')
    const { queued } = await invite(client, admin, {
      email: 'late@example.ma',
      fullName: 'Late Comer',
      roles: ['reviewer'],
      preferredLocale: 'fr',
    })
    const person = await User.findByOrFail('email', 'late@example.ma')
    await db
      .from('user_tokens')
      .where({ user_id: person.id, purpose: 'invitation' })
      .update({ expires_at: new Date(Date.now() - 1000) })
    const response = await client
      .post(queued[0].path)
      .header('Referer', queued[0].path)
      .form({ password: PASSWORD, passwordConfirmation: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('error', "Ce lien d'invitation est invalide ou a expiré.")
    await assert.rejects(() => User.verifyCredentials(person.email, PASSWORD))
  })

  test('an address that already has an account is refused on the email field, and nothing is sent', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const existing = await UserFactory.merge({ email: 'taken@example.ma' }).create()
    const mails = captureMail()
    const response = await client
      .post('/admin/invitations')
      .accept('json')
      .form({
        email: 'TAKEN@example.ma',
        fullName: 'Someone',
        roles: ['reviewer'],
        preferredLocale: 'fr',
      })
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'email')
    assert.equal(
      response.body().errors[0].message,
      'Un compte existe déjà avec cette adresse e-mail.'
    )
    assert.lengthOf(mails.queued(), 0)
    await existing.refresh()
    assert.deepEqual(existing.roles, ['applicant'])
  })

  test('a coordinator without an institute, or no role at all, is refused with field messages', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    for (const body of [
      {
        email: 'a@example.ma',
        fullName: 'A Person',
        roles: ['institute_coordinator'],
        preferredLocale: 'fr',
      },
      { email: 'b@example.ma', fullName: 'B Person', preferredLocale: 'fr' },
      { email: 'not-an-email', fullName: 'C', roles: ['reviewer'], preferredLocale: 'xx' },
    ]) {
      const response = await client
        .post('/admin/invitations')
        .accept('json')
        .form(body)
        .loginAs(admin)
        .withCsrfToken()
      response.assertStatus(422)
      assert.isAbove(response.body().errors.length, 0)
    }
    assert.lengthOf(await db.from('users').whereIn('email', ['a@example.ma', 'b@example.ma']), 0)
  })

  test('everyone but an admin gets 403', async ({ client, assert }) => {
    for (const role of ROLES.filter((candidate) => candidate !== 'admin')) {
      const user = await userWithRoles(role)
      const form = await client.get('/admin/invitations/create').loginAs(user)
      assert.equal(form.status(), 403, `${role} GET`)
      const post = await client
        .post('/admin/invitations')
        .form({
          email: `x-${role}@example.ma`,
          fullName: 'X',
          roles: ['admin'],
          preferredLocale: 'fr',
        })
        .loginAs(user)
        .withCsrfToken()
      assert.equal(post.status(), 403, `${role} POST`)
    }
    assert.lengthOf(await db.from('users').whereLike('email', 'x-%@example.ma'), 0)
  })
})
