import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import Application from '#applications/models/application'
import { FACTORY_PASSWORD, userWithRoles } from '#database/factories/user_factory'
import { openCallOf } from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { draftOf } from '#database/factories/application_factory'

async function applicantWithDraft() {
  const applicant = await userWithRoles('applicant')
  const call = await openCallOf('startup_offer')
  const application = await draftOf(applicant, call)
  const created = await User.accessTokens.create(applicant)
  return { applicant, call, application, token: created.value!.release() }
}

async function tokenCount() {
  const [row] = await db.from('auth_access_tokens').count('* as total')
  return Number(row.total)
}

test.group('Hostile input: URLs', (group) => {
  isolateEachTest(group)

  test('an id beyond int4, in exponent, hex or signed form is a 404, not a database error', async ({
    client,
    assert,
  }) => {
    const { applicant, token } = await applicantWithDraft()
    for (const id of ['99999999999', '2147483648', '1e309', '0x10', '-1', '0', '01', '1.0']) {
      const api = await client.get(`/api/v1/applications/${id}`).bearerToken(token)
      assert.equal(api.status(), 404, id)
      assert.deepEqual(Object.keys(api.body()), ['errors'], id)
      const page = await client.get(`/applications/${id}`).loginAs(applicant)
      assert.equal(page.status(), 404, id)
      assert.include(page.text(), '<html', id)
    }
    // The largest int4 still reaches the controller (and finds nothing).
    const largest = await client.get('/api/v1/applications/2147483647').bearerToken(token)
    assert.equal(largest.status(), 404)
  })

  test('a known URL with another method is a 405 naming the methods it takes', async ({
    client,
    assert,
  }) => {
    const { application, token } = await applicantWithDraft()
    const response = await client.put(`/api/v1/applications/${application.id}`).bearerToken(token)
    response.assertStatus(405)
    assert.equal(response.header('allow'), 'GET, HEAD, PATCH')
    assert.isString(response.body().errors[0].message)
    const unknown = await client.get('/api/v1/no/such/thing').bearerToken(token)
    unknown.assertStatus(404)
    assert.deepEqual(unknown.body(), {
      errors: [{ message: "Cette ressource n'existe pas ou vous n'y avez pas accès." }],
    })
  })
})

test.group('Hostile input: bodies', (group) => {
  isolateEachTest(group)

  test('a NUL byte in a token name is a field error and no token is created', async ({
    client,
    assert,
  }) => {
    const user = await userWithRoles('applicant')
    const before = await tokenCount()
    const response = await client
      .post('/api/v1/tokens')
      .json({ email: user.email, password: FACTORY_PASSWORD, name: 'ci\u0000bot' })
    response.assertStatus(422)
    assert.deepEqual(response.body().errors[0], {
      field: 'name',
      rule: 'control_characters',
      message: 'Le champ nom contient des caractères de contrôle non autorisés.',
    })
    assert.equal(await tokenCount(), before)
  })

  test('bidi overrides are refused, zero-width characters stripped, text stored in NFC', async ({
    client,
    assert,
  }) => {
    const { application, token } = await applicantWithDraft()
    const spoofed = await client
      .patch(`/api/v1/applications/${application.id}`)
      .json({ answers: { project: { name: 'Atlas \u202Efdp.exe' } } })
      .header('accept-language', 'en')
      .bearerToken(token)
    spoofed.assertStatus(422)
    assert.equal(spoofed.body().errors[0].field, 'answers.project.name')
    assert.equal(spoofed.body().errors[0].rule, 'bidi_characters')
    await application.refresh()
    assert.deepEqual(application.answers, {})

    const saved = await client
      .patch(`/api/v1/applications/${application.id}`)
      .json({ answers: { project: { name: '\u200BCafe\u0301\uFEFF' } } })
      .bearerToken(token)
    saved.assertStatus(200)
    await application.refresh()
    assert.equal(application.answers.project.name, 'Caf\u00E9')
  })

  test('a required text made only of invisible characters is "required" on submission', async ({
    client,
    assert,
  }) => {
    const { application, token } = await applicantWithDraft()
    await client
      .patch(`/api/v1/applications/${application.id}`)
      .json({ answers: { project: { name: '\u200B\u200D\uFEFF' } } })
      .bearerToken(token)
    // A draft stored before the cleaning existed is checked again on submission.
    await db
      .from('applications')
      .where('id', application.id)
      .update({ answers: JSON.stringify({ project: { name: '\u200B\u200C' } }) })
    const submitted = await client
      .post(`/api/v1/applications/${application.id}/submission`)
      .bearerToken(token)
    submitted.assertStatus(422)
    assert.equal(submitted.body().errors[0].field, 'project.name')
    assert.equal(submitted.body().errors[0].message, 'Le champ Nom du projet est obligatoire.')
  })

  test('numbers: hex, exponent, booleans and arrays are field errors, never an id', async ({
    client,
    assert,
  }) => {
    const { call, token } = await applicantWithDraft()
    for (const organizationId of ['0x10', '1e309', '1e3', true, [1], { id: 1 }, 99999999999]) {
      const response = await client
        .post(`/api/v1/calls/${call.id}/applications`)
        .json({ organizationId })
        .bearerToken(token)
      assert.equal(response.status(), 422, JSON.stringify(organizationId))
      assert.equal(response.body().errors[0].field, 'organizationId')
    }
    // Only the draft of the fixture: no refused request started an application.
    const applications = await Application.query().where('call_id', call.id)
    assert.lengthOf(applications, 1)
  })

  test('body-parser failures answer the JSON error format', async ({ client, assert }) => {
    const { application, token } = await applicantWithDraft()
    const url = `/api/v1/applications/${application.id}`
    const invalid = await client.patch(url).bearerToken(token).unsafeJson('{"answers":')
    invalid.assertStatus(400)
    assert.isString(invalid.body().errors[0].message)

    const huge = await client
      .patch(url)
      .bearerToken(token)
      .json({ answers: { project: { name: 'x'.repeat(1_100_000) } } })
    huge.assertStatus(413)
    assert.isString(huge.body().errors[0].message)

    let deep: unknown = 'bottom'
    for (let level = 0; level < 20; level++) deep = { level: deep }
    const nested = await client.patch(url).bearerToken(token).json({ answers: deep })
    nested.assertStatus(422)
    assert.equal(nested.body().errors[0].rule, 'depth')

    const text = await client
      .patch(url)
      .bearerToken(token)
      .unsafeJson('answers=1')
      .type('text/plain')
    text.assertStatus(415)
    assert.isString(text.body().errors[0].message)
    await application.refresh()
    assert.deepEqual(application.answers, {})
  })

  test('a draft PATCH without answers, or with answers not an object, is a 422', async ({
    client,
    assert,
  }) => {
    const { applicant, application, token } = await applicantWithDraft()
    const url = `/api/v1/applications/${application.id}`
    for (const body of [{}, { answers: 'x' }, { answers: [1] }, { answers: null }]) {
      const response = await client.patch(url).json(body).bearerToken(token)
      assert.equal(response.status(), 422, JSON.stringify(body))
      assert.equal(response.body().errors[0].field, 'answers')
    }
    const page = await client
      .put(`/applications/${application.id}`)
      .json({ answers: 'x' })
      .header('accept', 'application/json')
      .loginAs(applicant)
      .withCsrfToken()
    page.assertStatus(422)
    assert.equal(page.body().errors[0].field, 'answers')
  })
})

test.group('Hostile input: pages', (group) => {
  isolateEachTest(group)

  test('a page post the body parser refuses is a localized error page, not a crash', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/login').unsafeJson('{"email":')
    response.assertStatus(400)
    assert.include(response.text(), '<html')
    assert.include(response.text(), 'La requête n&#x27;a pas pu être lue.')
  })

  test('a page form with a bidi override comes back to the form with the field message, nothing created', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .header('Referer', '/signup')
      .form({
        fullName: 'Amina \u202Eartsinimda',
        email: 'amina.hostile@example.ma',
        password: FACTORY_PASSWORD,
        passwordConfirmation: FACTORY_PASSWORD,
        accountType: 'applicant',
        consent: 'on',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/signup')
    assert.deepEqual(response.flashMessages().inputErrorsBag, {
      fullName: [
        'Le champ nom complet contient des caractères de contrôle de direction du texte non autorisés.',
      ],
    })
    response.assertFlashMissing('password')
    assert.isNull(await User.findBy('email', 'amina.hostile@example.ma'))
  })
})
