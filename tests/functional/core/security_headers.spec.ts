import { test } from '@japa/runner'

test.group('Security headers', () => {
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
})
