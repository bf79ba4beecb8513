import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import AccountMail from '#identity/mails/account_mail'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'

const NEW_PASSWORD = 'a brand new passphrase'

async function requestReset(client: any, email: string) {
  const mails = captureMail()
  const response = await client
    .post('/password/forgot')
    .form({ email })
    .withCsrfToken()
    .redirects(0)
  let path: string | null = null
  if (mails.queued().length) {
    mails.assertQueued(AccountMail, (mail) => {
      path = mail.path
      return mail.kind === 'reset_password'
    })
  }
  return { response, path: path as string | null, queued: mails.queued().length }
}

test.group('Password reset', (group) => {
  isolateEachTest(group)

  test('a known and an unknown address get the same answer; only the known one gets mail', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const known = await requestReset(client, user.email)
    const unknown = await requestReset(client, 'nobody@example.ma')

    for (const { response } of [known, unknown]) {
      response.assertStatus(302)
      response.assertHeader('location', '/login')
      response.assertFlashMessage(
        'success',
        "Si un compte existe pour cette adresse, un lien de réinitialisation vient d'être envoyé."
      )
    }
    assert.equal(known.queued, 1)
    assert.equal(unknown.queued, 0)
  })

  test('the link sets a new password once, and revokes API tokens', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await User.accessTokens.create(user)
    const { path } = await requestReset(client, user.email)
    assert.isString(path)

    const reset = await client
      .post(path!)
      .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    reset.assertStatus(302)
    reset.assertHeader('location', '/login')

    await user.refresh()
    assert.isTrue(await User.verifyCredentials(user.email, NEW_PASSWORD).then(() => true))
    await assert.rejects(() => User.verifyCredentials(user.email, FACTORY_PASSWORD))
    const tokens = await db.from('auth_access_tokens').where('tokenable_id', user.id)
    assert.lengthOf(tokens, 0)

    const replay = await client
      .post(path!)
      .header('Referer', path!)
      .form({ password: 'yet another passphrase', passwordConfirmation: 'yet another passphrase' })
      .withCsrfToken()
      .redirects(0)
    replay.assertStatus(302)
    replay.assertFlashMessage('error', 'Ce lien de réinitialisation est invalide ou a expiré.')
    await assert.rejects(() => User.verifyCredentials(user.email, 'yet another passphrase'))
  })

  test('a too short new password is refused and the link stays usable', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { path } = await requestReset(client, user.email)
    const short = await client
      .post(path!)
      .header('Referer', path!)
      .form({ password: 'short', passwordConfirmation: 'short' })
      .withCsrfToken()
      .redirects(0)
    short.assertStatus(302)
    assert.property(short.flashMessages().inputErrorsBag, 'password')

    const good = await client
      .post(path!)
      .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    good.assertHeader('location', '/login')
  })
})
