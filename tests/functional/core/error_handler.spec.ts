import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import HttpExceptionHandler from '#core/exceptions/handler'
import InitializeAuthMiddleware from '@adonisjs/auth/initialize_auth_middleware'
import InitializeBouncerMiddleware from '#identity/middleware/initialize_bouncer_middleware'

/** What pg raises for `WHERE id = 99999999999`: SQL and the value in its message. */
function databaseError() {
  return Object.assign(
    new Error(
      'select * from "applications" where "id" = $1 limit $2 - value "99999999999" is out of range for type integer'
    ),
    { code: '22003', severity: 'ERROR', routine: 'pg_strtoint32' }
  )
}

async function render(error: unknown, accept: string) {
  const ctx = await testUtils.createHttpContext()
  ctx.request.request.headers.accept = accept
  ctx.request.request.headers['accept-language'] = 'en'
  // What the router's middleware gives every request before a controller runs.
  for (const middleware of [InitializeAuthMiddleware, InitializeBouncerMiddleware]) {
    await new middleware().handle(ctx, async () => {})
  }
  const handler = await app.container.make(HttpExceptionHandler)
  await handler.handle(error, ctx)
  return {
    status: ctx.response.getStatus(),
    body: ctx.response.getBody(),
    text: JSON.stringify(ctx.response.getBody()),
    requestId: ctx.request.id(),
  }
}

test.group('Exception handler: nothing internal in a response', () => {
  test('a database error is a generic 500 naming the request id, in JSON', async ({ assert }) => {
    const response = await render(databaseError(), 'application/json')
    assert.equal(response.status, 500)
    assert.deepEqual(response.body, {
      errors: [{ message: `Something went wrong. Request reference: ${response.requestId}.` }],
    })
  })

  test('a database error is the localized error page, without SQL, in HTML', async ({ assert }) => {
    const response = await render(databaseError(), 'text/html')
    assert.equal(response.status, 500)
    assert.include(response.text, 'Something went wrong')
    assert.include(response.text, `Request reference: ${response.requestId}`)
    assert.notInclude(response.text, 'select')
    assert.notInclude(response.text, 'applications')
    assert.notInclude(response.text, '99999999999')
  })

  test('no stack frame nor file path in any answer, whatever NODE_ENV (the demo runs in development)', async ({
    assert,
  }) => {
    for (const accept of ['application/json', 'text/html']) {
      const response = await render(new TypeError('Cannot read properties of undefined'), accept)
      assert.equal(response.status, 500)
      assert.notInclude(response.text, app.appRoot.pathname)
      assert.notInclude(response.text, 'Cannot read properties')
      assert.notMatch(response.text, /\bat [\w.<>]+ \(/)
    }
  })
})
