import { test } from '@japa/runner'
import User from '#identity/models/user'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

test.group('Profile', (group) => {
  isolateEachTest(group)

  test('a person renames themselves and picks their language', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/profile')
      .form({ fullName: 'Zineb Lahlou', preferredLocale: 'zgh' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await user.refresh()
    assert.equal(user.fullName, 'Zineb Lahlou')
    assert.equal(user.preferredLocale, 'zgh')
  })

  test('changing the password needs the current one', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const refused = await client
      .put('/profile/password')
      .form({
        currentPassword: 'a wrong guess',
        password: 'new long passphrase',
        passwordConfirmation: 'new long passphrase',
      })
      .header('Referer', '/profile')
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', 'Le mot de passe actuel est incorrect.')
    await assert.rejects(() => User.verifyCredentials(user.email, 'new long passphrase'))

    await client
      .put('/profile/password')
      .form({
        currentPassword: FACTORY_PASSWORD,
        password: 'new long passphrase',
        passwordConfirmation: 'new long passphrase',
      })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    const verified = await User.verifyCredentials(user.email, 'new long passphrase')
    assert.equal(verified.id, user.id)
  })

  test('a person cannot give themselves a role through the profile form', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await client
      .put('/profile')
      .form({ fullName: 'Sneaky', preferredLocale: 'fr', roles: ['admin'], emailVerifiedAt: null })
      .loginAs(user)
      .withCsrfToken()
    await user.refresh()
    assert.deepEqual(user.roles, ['applicant'])
    assert.isNotNull(user.emailVerifiedAt)
  })
})
