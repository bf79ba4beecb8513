import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

const REFERRER_POLICY = 'strict-origin-when-cross-origin'

test.group('Security headers', (group) => {
  isolateEachTest(group)

  test('pages carry a strict CSP, HSTS, frame and sniffing protections', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/login')
    const csp = response.header('content-security-policy')
    assert.include(csp, "default-src 'self'")
    assert.include(csp, "frame-ancestors 'none'")
    assert.include(csp, "object-src 'none'")
    assert.notInclude(csp, 'unsafe-inline')
    assert.match(response.header('strict-transport-security') ?? '', /max-age=\d+/)
    response.assertHeader('x-frame-options', 'DENY')
    response.assertHeader('x-content-type-options', 'nosniff')
  })

  test('the session cookie is HTTP-only and SameSite', async ({ client, assert }) => {
    const response = await client.get('/login')
    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    const session = cookies.find((cookie) => cookie.startsWith('manassa-session='))
    assert.exists(session)
    assert.match(session!, /HttpOnly/i)
    assert.match(session!, /SameSite=Lax/i)
  })

  test('every response names a referrer policy and none sends X-XSS-Protection', async ({
    client,
    assert,
  }) => {
    const responses = {
      'a page': await client.get('/login'),
      'an unknown page': await client.get('/no-such-page'),
      'the API': await client.get('/api/v1/calls'),
      'an unknown API path': await client.get('/api/v1/no-such-endpoint'),
      'an API 401': await client.get('/api/v1/me'),
      'an API 422': await client.post('/api/v1/tokens').json({ email: ['x'] }),
    }
    for (const [where, response] of Object.entries(responses)) {
      assert.equal(response.header('referrer-policy'), REFERRER_POLICY, where)
      assert.notExists(response.header('x-xss-protection'), where)
    }
  })

  test('API answers, errors included, are neither cached nor sniffed', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const issued = await client
      .post('/api/v1/tokens')
      .json({ email: user.email, password: FACTORY_PASSWORD })
    issued.assertStatus(201)
    const responses = {
      'a token': issued,
      '/me': await client.get('/api/v1/me').bearerToken(issued.body().token),
      'a 401': await client.get('/api/v1/me'),
      'the calls': await client.get('/api/v1/calls'),
      'an unknown path': await client.get('/api/v1/no-such-endpoint'),
      'a 422': await client.post('/api/v1/tokens').json({ email: ['x'] }),
    }
    for (const [where, response] of Object.entries(responses)) {
      assert.include(response.header('cache-control') ?? '', 'no-store', where)
      assert.equal(response.header('x-content-type-options'), 'nosniff', where)
    }
  })

  test('static files are served with nosniff and the referrer policy', async ({
    client,
    assert,
    cleanup,
  }) => {
    // public/assets is Vite's (ignored) output folder: a throwaway file stands for an asset.
    const folder = app.publicPath('assets')
    const file = `headers-check-${process.pid}.txt`
    await mkdir(folder, { recursive: true })
    await writeFile(`${folder}/${file}`, 'static')
    cleanup(() => rm(`${folder}/${file}`, { force: true }))

    const response = await client.get(`/assets/${file}`)
    response.assertStatus(200)
    assert.equal(response.text(), 'static')
    response.assertHeader('x-content-type-options', 'nosniff')
    response.assertHeader('referrer-policy', REFERRER_POLICY)
  })
})
