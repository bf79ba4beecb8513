import { test } from '@japa/runner'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import app from '@adonisjs/core/services/app'
import Application from '#applications/models/application'
import { openCallOf } from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { fundManagerWithToken } from '#tests/functional/applications/api_fixtures'

test.group('JSON API: proposals of fund managers', (group) => {
  isolateEachTest(group)

  test('a fund manager files the company proposal end to end with a token', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('vc_call')
    const { company, token } = await fundManagerWithToken()

    const started = await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .json({ organizationId: company.id })
      .bearerToken(token)
    started.assertStatus(201)
    const id: number = started.body().data.id
    assert.equal(started.body().data.state, 'draft')

    const saved = await client
      .patch(`/api/v1/applications/${id}`)
      .json({ answers: { project: { name: 'Atlas Ventures Fund II', amount: '500000' } } })
      .bearerToken(token)
    saved.assertStatus(200)

    const uploaded = await client
      .post(`/api/v1/applications/${id}/documents`)
      .field('fieldPath', 'project.deck')
      .file('file', app.makePath('tests/fixtures/deck.pdf'), { filename: 'ppm.pdf' })
      .bearerToken(token)
    uploaded.assertStatus(201)
    assert.equal(uploaded.body().data.mimeType, 'application/pdf')

    const submitted = await client.post(`/api/v1/applications/${id}/submission`).bearerToken(token)
    submitted.assertStatus(201)
    assert.match(submitted.body().data.reference, /^VC-20\d\d-\d{6}$/)
    assert.equal(submitted.body().data.answers.project.amount, 50_000_000)
    assert.equal(submitted.body().data.answers.project.deck, uploaded.body().data.id)

    const listed = await client.get('/api/v1/applications').bearerToken(token)
    assert.deepEqual(
      listed.body().data.map((item: { id: number }) => item.id),
      [id]
    )
  })

  test('invalid answers on submission are a 422 with field messages, nothing submitted', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('vc_call')
    const { company, token } = await fundManagerWithToken()
    const started = await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .json({ organizationId: company.id })
      .bearerToken(token)
    const id = started.body().data.id
    await client
      .patch(`/api/v1/applications/${id}`)
      .json({ answers: { project: { amount: 'beaucoup' } } })
      .bearerToken(token)
    const submitted = await client
      .post(`/api/v1/applications/${id}/submission`)
      .header('Accept-Language', 'en')
      .bearerToken(token)
    submitted.assertStatus(422)
    const fields = submitted.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['project.name', 'project.amount'])
    const application = await Application.findOrFail(id)
    assert.equal(application.state, 'draft')
  })

  test("another company's proposal is a 404; no token is a 401", async ({ client }) => {
    const call = await openCallOf('vc_call')
    const first = await fundManagerWithToken()
    const second = await fundManagerWithToken()
    const started = await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .json({ organizationId: first.company.id })
      .bearerToken(first.token)
    const id = started.body().data.id

    for (const request of [
      client.get(`/api/v1/applications/${id}`),
      client.patch(`/api/v1/applications/${id}`).json({ answers: {} }),
      client.post(`/api/v1/applications/${id}/submission`),
      client
        .post(`/api/v1/applications/${id}/documents`)
        .field('fieldPath', 'project.deck')
        .file('file', app.makePath('tests/fixtures/deck.pdf')),
    ]) {
      const response = await request.bearerToken(second.token)
      response.assertStatus(404)
    }
    const anonymous = await client.get(`/api/v1/applications/${id}`)
    anonymous.assertStatus(401)
  })
})

test.group('Pages: a fund manager files the proposal', (group) => {
  isolateEachTest(group)

  test('from the call page to a submitted proposal and its receipt, in Arabic', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('vc_call')
    const { manager, company } = await fundManagerWithToken()
    manager.preferredLocale = 'ar'
    await manager.save()

    const callPage = await client.get(`/calls/${call.id}`).loginAs(manager)
    callPage.assertTextIncludes(`value="${company.id}"`)

    const started = await client
      .post(`/calls/${call.id}/applications`)
      .form({ organizationId: company.id })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    const proposal = await Application.findByOrFail('organization_id', company.id)
    started.assertHeader('location', `/applications/${proposal.id}/edit`)

    const submitted = await client
      .post(`/applications/${proposal.id}/submission`)
      .field('answers[project][name]', 'Atlas Ventures Fund II')
      .file('files[project][deck]', app.makePath('tests/fixtures/deck.pdf'), {
        filename: 'ppm.pdf',
      })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    submitted.assertHeader('location', `/applications/${proposal.id}`)
    await proposal.refresh()
    assert.match(proposal.reference!, /^VC-20\d\d-\d{6}$/)

    const receipt = await client.get(`/applications/${proposal.id}/receipt`).loginAs(manager)
    receipt.assertStatus(200)
    receipt.assertHeader('content-type', 'application/pdf')
    const pdf = await PDFDocument.load(receipt.body() as Buffer)
    assert.equal(pdf.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText(), 'ar-MA')
  })
})
