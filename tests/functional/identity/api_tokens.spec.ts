import { test } from '@japa/runner'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

test.group('JSON API: access tokens', (group) => {
  isolateEachTest(group)

  test('email and password buy a bearer token that opens /api/v1/me', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ roles: ['fund_manager'] }).create()
    const issued = await client
      .post('/api/v1/tokens')
      .json({ email: user.email, password: FACTORY_PASSWORD, name: 'erp' })
    issued.assertStatus(201)
    const token: string = issued.body().token
    assert.match(token, /^mns_/)

    const me = await client.get('/api/v1/me').bearerToken(token)
    me.assertStatus(200)
    assert.deepEqual(me.body().data.roles, ['fund_manager'])
    assert.notProperty(me.body().data, 'password', 'no password hash leaks')
  })

  test('no token, a wrong token or a revoked token gets 401 in JSON', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const none = await client.get('/api/v1/me')
    none.assertStatus(401)
    assert.isArray(none.body().errors)

    const wrong = await client.get('/api/v1/me').bearerToken('mns_forged.token')
    wrong.assertStatus(401)

    const issued = await client
      .post('/api/v1/tokens')
      .json({ email: user.email, password: FACTORY_PASSWORD })
    const token = issued.body().token
    const revoked = await client.delete('/api/v1/tokens/current').bearerToken(token)
    revoked.assertStatus(204)
    const after = await client.get('/api/v1/me').bearerToken(token)
    after.assertStatus(401)
  })

  test('wrong credentials get 400 with a message; garbage gets 422; never 500', async ({
    client,
  }) => {
    const user = await UserFactory.create()
    const wrong = await client.post('/api/v1/tokens').json({ email: user.email, password: 'nope' })
    wrong.assertStatus(400)
    const garbage = await client.post('/api/v1/tokens').json({ email: ['x'], password: { $ne: 1 } })
    garbage.assertStatus(422)
  })

  test('tokens are rate-limited per address across accounts, and say how much is left', async ({
    client,
    assert,
  }) => {
    const users = await UserFactory.createMany(11)
    const first = await client
      .post('/api/v1/tokens')
      .json({ email: users[0].email, password: FACTORY_PASSWORD })
    first.assertStatus(201)
    first.assertHeader('x-ratelimit-limit', '10')
    first.assertHeader('x-ratelimit-remaining', '10')

    const remaining: string[] = []
    for (const user of users.slice(0, 10)) {
      const wrong = await client
        .post('/api/v1/tokens')
        .header('X-Forwarded-For', `198.51.100.${remaining.length}`)
        .json({ email: user.email, password: 'Printemps2026!' })
      wrong.assertStatus(400)
      remaining.push(wrong.header('x-ratelimit-remaining') ?? '')
    }
    assert.deepEqual(remaining, ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'])

    const blocked = await client
      .post('/api/v1/tokens')
      .header('Accept-Language', 'en')
      .json({ email: users[10].email, password: FACTORY_PASSWORD })
    blocked.assertStatus(429)
    blocked.assertHeader('x-ratelimit-limit', '10')
    blocked.assertHeader('x-ratelimit-remaining', '0')
    assert.isAbove(Number(blocked.header('retry-after')), 60)
    assert.match(blocked.body().errors[0].message, /Too many attempts/)
    assert.notProperty(blocked.body(), 'token')

    // Web logins from the same address share the count.
    const web = await client
      .post('/login')
      .form({ email: users[10].email, password: FACTORY_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    web.assertStatus(429)
  })

  test('parallel guesses from one address cannot slip under the limit together', async ({
    client,
    assert,
  }) => {
    const users = await UserFactory.createMany(30)
    const responses = await Promise.all(
      users.map((user) =>
        client.post('/api/v1/tokens').json({ email: user.email, password: 'Printemps2026!' })
      )
    )
    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 400).length, 10, statuses.join(' '))
    assert.equal(statuses.filter((status) => status === 429).length, 20, statuses.join(' '))
  })

  test('open calls are public JSON, served without session or cookies', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/calls')
    response.assertStatus(200)
    assert.isArray(response.body().data)
    assert.notExists(response.header('set-cookie'), 'the API is stateless')
  })

  test('an unknown API path is a JSON 404', async ({ client, assert }) => {
    const response = await client.get('/api/v1/nothing-here')
    response.assertStatus(404)
    assert.isObject(response.body())
  })
})
