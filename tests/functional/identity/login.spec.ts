import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

/** The login form, posted with its CSRF token; redirects not followed. */
function logIn(client: ApiClient, email: string, password: string) {
  return client.post('/login').form({ email, password }).withCsrfToken().redirects(0)
}

test.group('Login and logout', (group) => {
  isolateEachTest(group)

  test('the right password opens a session and leads to the dashboard', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email.toUpperCase(), password: FACTORY_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    response.assertSession('auth_web', user.id)
  })

  test('a wrong password sends the person back with a message and no session', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .header('Referer', '/login')
      .form({ email: user.email, password: 'not the password' })
      .withCsrfToken()
    response.assertStatus(200)
    assert.include(response.text(), 'Adresse e-mail ou mot de passe incorrect.')
    assert.include(response.text(), `value="${user.email}"`, 'the email is kept in the form')
  })

  test('the eleventh wrong password within a minute gets 429', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 11; attempt++) {
      const response = await logIn(client, user.email, `wrong ${attempt}`)
      statuses.push(response.status())
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(302))
    assert.equal(statuses[10], 429)

    const blocked = await logIn(client, user.email, FACTORY_PASSWORD)
    blocked.assertStatus(429)
    assert.include(blocked.text(), 'Trop de tentatives')
    assert.isAbove(Number(blocked.header('retry-after')), 0)
  })

  test('a forged X-Forwarded-For does not escape the limit', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 11; attempt++) {
      const response = await logIn(client, user.email, `wrong ${attempt}`).header(
        'X-Forwarded-For',
        `203.0.113.${attempt}`
      )
      statuses.push(response.status())
    }
    assert.equal(statuses[10], 429, statuses.join(' '))
  })

  test('one address trying a password on many accounts is stopped (password spraying)', async ({
    client,
    assert,
  }) => {
    const users = await UserFactory.createMany(12)
    const statuses: number[] = []
    for (const user of users) {
      const response = await logIn(client, user.email, 'Printemps2026!')
      statuses.push(response.status())
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(302))
    assert.deepEqual(statuses.slice(10), [429, 429])

    // Blocked before the password is even checked, with a localized message.
    const blocked = await logIn(client, users[0].email, FACTORY_PASSWORD).header(
      'Accept-Language',
      'ar'
    )
    blocked.assertStatus(429)
    assert.isAbove(Number(blocked.header('retry-after')), 60)
    assert.match(blocked.text(), /[\u0600-\u06FF]/)
    assert.notExists(blocked.session().auth_web, 'no session was opened')
  })

  test('a success does not wipe the address count (an attacker logging into their own account)', async ({
    client,
    assert,
  }) => {
    const [attacker, ...victims] = await UserFactory.createMany(12)
    const statuses: number[] = []
    for (const [index, victim] of victims.entries()) {
      if (index % 3 === 0) await logIn(client, attacker.email, FACTORY_PASSWORD)
      const response = await logIn(client, victim.email, 'Printemps2026!')
      statuses.push(response.status())
    }
    assert.equal(statuses.at(-1), 429, statuses.join(' '))
  })

  test('a POST without a CSRF token is refused cleanly, never a 500', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .header('Referer', '/login')
      .form({ email: user.email, password: FACTORY_PASSWORD })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    assert.notExists(response.session().auth_web, 'no session was opened')
    response.assertFlashMessage('error', 'Votre session a expiré. Rechargez la page et réessayez.')
  })

  test('logging out ends the session', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.post('/logout').loginAs(user).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    const after = await client.get('/dashboard').redirects(0)
    after.assertStatus(302)
    after.assertHeader('location', '/login')
  })

  test('guests are sent to the login page; signed-in people away from it', async ({ client }) => {
    const guest = await client.get('/profile').redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/login')

    const user = await UserFactory.create()
    const signedIn = await client.get('/login').loginAs(user).redirects(0)
    signedIn.assertStatus(302)
    signedIn.assertHeader('location', '/dashboard')
  })
})
