import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { openApiDocument } from '#applications/openapi'
import { openCallOf } from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { schemaProblems } from '#tests/helpers/json_schema'
import { callUnderReview, tokenOf } from '#tests/functional/reviews/scoring_fixtures'
import { EVERY_TYPE_FORM, fundManagerWithToken } from '#tests/functional/applications/api_fixtures'

type Operation = {
  operationId?: string
  parameters?: Array<{ name: string; in: string }>
  requestBody?: unknown
  security?: unknown[]
  responses: Record<string, { content?: Record<string, { schema: object }> }>
}
const document = openApiDocument as unknown as {
  paths: Record<string, Record<string, Operation>>
  components: Record<string, object>
}

/** The API routes the router knows, as `METHOD /path/{param}` (the catch-all left out). */
function apiRoutes() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern.startsWith('/api/v1/') && !route.pattern.endsWith('*'))
    .map((route) => ({
      method: route.methods.find((method) => method !== 'HEAD')!.toLowerCase(),
      path: route.pattern.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}'),
    }))
}

/** The documented schema of one answer, for the response's status. */
function documentedSchema(method: string, path: string, status: number) {
  const operation = document.paths[path]?.[method]
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not documented`)
  const response = operation.responses[String(status)]
  if (!response) throw new Error(`${method.toUpperCase()} ${path} does not document ${status}`)
  return response.content!['application/json'].schema as Record<string, unknown>
}

test.group('OpenAPI document: complete', () => {
  test('every API route is documented, with an operationId and its answers', ({ assert }) => {
    const routes = apiRoutes()
    assert.isAbove(routes.length, 10)
    const operationIds = new Set<string>()
    for (const { method, path } of routes) {
      const name = `${method.toUpperCase()} ${path}`
      const operation = document.paths[path]?.[method]
      assert.exists(operation, `${name} is documented`)
      assert.match(operation.operationId ?? '', /^[a-z][A-Za-z]+$/, `${name} has an operationId`)
      assert.isFalse(operationIds.has(operation.operationId!), `${name}: operationId is unique`)
      operationIds.add(operation.operationId!)

      const statuses = Object.keys(operation.responses)
      const success = statuses.filter((status) => status.startsWith('2'))
      assert.lengthOf(success, 1, `${name} documents its success`)
      if (success[0] !== '204') {
        assert.exists(
          operation.responses[success[0]].content?.['application/json']?.schema,
          `${name} has a response schema`
        )
      }
      // Stripe's webhook answers Stripe, in Stripe's terms, not API clients.
      if (path === '/webhooks/stripe') continue
      const expected = ['429']
      if (operation.security) expected.push('401')
      if (path.includes('{id}')) expected.push('404')
      if (operation.requestBody) expected.push('413', '415', '422')
      if (operation.parameters?.some((parameter) => parameter.in === 'query')) expected.push('422')
      assert.includeMembers(statuses, expected, `${name} documents ${expected.join(', ')}`)
      for (const status of statuses.filter((item) => item >= '400')) {
        assert.deepEqual(
          documentedSchema(method, path, Number(status)),
          { $ref: '#/components/schemas/Errors' },
          `${name} ${status} is the error shape`
        )
      }
    }
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`)
    )
    assert.sameMembers(
      documented,
      routes.map(({ method, path }) => `${method} ${path}`),
      'nothing is documented that the router does not serve'
    )
  })

  test('the document is served as JSON', async ({ client, assert }) => {
    const response = await client.get('/api/v1/openapi.json')
    response.assertStatus(200)
    assert.equal(response.body().openapi, '3.1.0')
    assert.deepEqual(response.body().paths, JSON.parse(JSON.stringify(openApiDocument.paths)))
  })
})

test.group('OpenAPI document: real answers match their schemas', (group) => {
  isolateEachTest(group)

  test('a fund manager journey answers as documented', async ({ client, assert }) => {
    const root = openApiDocument as unknown as Record<string, unknown>
    const check = (
      method: string,
      path: string,
      response: { status(): number; body(): unknown }
    ) => {
      if (response.status() === 204) {
        assert.property(document.paths[path][method].responses, '204')
        return
      }
      assert.deepEqual(
        schemaProblems(root, documentedSchema(method, path, response.status()), response.body()),
        [],
        `${method.toUpperCase()} ${path} ${response.status()}`
      )
    }

    const call = await openCallOf('vc_call', EVERY_TYPE_FORM)
    const { company, token } = await fundManagerWithToken()

    check('get', '/calls', await client.get('/api/v1/calls'))
    check('get', '/calls', await client.get('/api/v1/calls?kind=nope'))
    check('get', '/calls/{id}/form', await client.get(`/api/v1/calls/${call.id}/form`))
    check('get', '/calls/{id}/form', await client.get('/api/v1/calls/999999999/form'))
    check('get', '/me', await client.get('/api/v1/me').bearerToken(token))
    check('get', '/me', await client.get('/api/v1/me'))
    check('get', '/organizations', await client.get('/api/v1/organizations').bearerToken(token))

    const started = await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .json({ organizationId: company.id })
      .bearerToken(token)
    check('post', '/calls/{id}/applications', started)
    const id = started.body().data.id
    check(
      'patch',
      '/applications/{id}',
      await client
        .patch(`/api/v1/applications/${id}`)
        .json({
          answers: {
            profile: { name: 'Atlas Fund', years: 3, sectors: ['fintech'], women_led: false },
          },
        })
        .bearerToken(token)
    )
    const uploaded = await client
      .post(`/api/v1/applications/${id}/documents`)
      .field('fieldPath', 'profile.deck')
      .file('file', app.makePath('tests/fixtures/deck.pdf'), { filename: 'deck.pdf' })
      .bearerToken(token)
    check('post', '/applications/{id}/documents', uploaded)
    check(
      'get',
      '/applications/{id}',
      await client.get(`/api/v1/applications/${id}`).bearerToken(token)
    )
    check('get', '/applications', await client.get('/api/v1/applications').bearerToken(token))
    check(
      'get',
      '/applications/{id}',
      await client.get('/api/v1/applications/999999999').bearerToken(token)
    )
    check(
      'get',
      '/applications',
      await client.get('/api/v1/applications?perPage=0').bearerToken(token)
    )
    check(
      'post',
      '/applications/{id}/submission',
      await client.post(`/api/v1/applications/${id}/submission`).bearerToken(token)
    )
    check(
      'delete',
      '/tokens/current',
      await client.delete('/api/v1/tokens/current').bearerToken(token)
    )
  })

  test('a reviewer journey answers as documented', async ({ client, assert }) => {
    const root = openApiDocument as unknown as Record<string, unknown>
    const { review, reviewer } = await callUnderReview()
    const token = await tokenOf(reviewer)
    for (const [method, path, response] of [
      ['get', '/reviews', await client.get('/api/v1/reviews').bearerToken(token)],
      ['get', '/reviews/{id}', await client.get('/api/v1/reviews/999999999').bearerToken(token)],
      ['get', '/reviews/{id}', await client.get(`/api/v1/reviews/${review.id}`).bearerToken(token)],
      [
        'put',
        '/reviews/{id}',
        await client
          .put(`/api/v1/reviews/${review.id}`)
          .json({ scores: { team: { score: 4, comment: 'Solide' } } })
          .bearerToken(token),
      ],
    ] as const) {
      assert.deepEqual(
        schemaProblems(root, documentedSchema(method, path, response.status()), response.body()),
        [],
        `${method} ${path}`
      )
    }
  })
})
