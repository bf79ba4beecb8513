import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import AccountMail from '#identity/mails/account_mail'
import { UserFactory } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'

async function verificationLinkFor(client: any, user: User) {
  const mails = captureMail()
  await client.post('/email/verification').loginAs(user).withCsrfToken()
  let path = ''
  mails.assertQueued(AccountMail, (mail) => {
    path = mail.path
    return mail.kind === 'verify_email'
  })
  return path
}

test.group('Email verification', (group) => {
  isolateEachTest(group)

  test('an unverified person is kept out of the portal until they verify', async ({ client }) => {
    const user = await UserFactory.apply('unverified').create()
    const response = await client.get('/dashboard').loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/email/verify')
  })

  test('the emailed link verifies the address once, and only once', async ({ client, assert }) => {
    const user = await UserFactory.apply('unverified').create()
    const link = await verificationLinkFor(client, user)

    const first = await client.get(link).redirects(0)
    first.assertStatus(302)
    await user.refresh()
    assert.isNotNull(user.emailVerifiedAt)

    const again = await client.get(link).header('Referer', '/login').redirects(0)
    again.assertStatus(302)
    again.assertFlashMessage('error', 'Ce lien de vérification est invalide ou a expiré.')

    const audit = await db
      .from('audit_logs')
      .where({ action: 'user.email_verified', subject_id: String(user.id) })
    assert.lengthOf(audit, 1)
  })

  test('asking for a new link makes the previous one useless', async ({ client, assert }) => {
    const user = await UserFactory.apply('unverified').create()
    const oldLink = await verificationLinkFor(client, user)
    const newLink = await verificationLinkFor(client, user)
    assert.notEqual(oldLink, newLink)

    await client.get(oldLink).redirects(0)
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)

    await client.get(newLink).redirects(0)
    await user.refresh()
    assert.isNotNull(user.emailVerifiedAt)
  })

  test('a made-up token is refused without an error page', async ({ client }) => {
    const response = await client
      .get('/email/verify/not-a-real-token-aaaaaaaaaaaaaaaa')
      .redirects(0)
    response.assertStatus(302)
  })
})
