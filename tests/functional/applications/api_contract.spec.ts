import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { CallFactory, openCallOf, ProgrammeFactory } from '#database/factories/programme_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { draftOf } from '#database/factories/application_factory'
import { assignedReview } from '#database/factories/scoring_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { tokenOf } from '#tests/functional/reviews/scoring_fixtures'
import { applicantWithToken, EVERY_TYPE_FORM } from '#tests/functional/applications/api_fixtures'

test.group('JSON API contract: the form of a call', (group) => {
  isolateEachTest(group)

  test('a call form reads with its types, labels, options, limits and money format', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', EVERY_TYPE_FORM)
    const response = await client.get(`/api/v1/calls/${call.id}/form`)
    response.assertStatus(200)
    const form = response.body().data
    assert.equal(form.callId, call.id)
    assert.equal(form.version, 1)
    assert.equal(form.requestedAmountField, 'profile.amount')
    assert.deepInclude(form.money, { currency: 'MAD', maxDecimals: 2, submittedUnit: 'centimes' })

    const [section] = form.sections
    assert.equal(section.key, 'profile')
    assert.equal(section.title.zgh, 'ⴰⴼⵔⴷⵉⵙ')
    const fields = Object.fromEntries(
      section.fields.map((field: { key: string }) => [field.key, field])
    )
    assert.deepEqual(
      section.fields.map((field: { type: string }) => field.type),
      EVERY_TYPE_FORM.sections[0].fields.map((field) => field.type)
    )
    assert.deepInclude(fields.name, {
      label: { fr: 'Nom', en: 'Name' },
      required: true,
      maxLength: 500,
    })
    assert.deepInclude(fields.summary, { required: false, minLength: 20, maxLength: 10_000 })
    assert.deepInclude(fields.years, { min: 0, max: 60 })
    assert.deepInclude(fields.amount, { min: 0, max: 2_000_000, requestedAmount: true })
    assert.deepEqual(fields.stage.options, [
      { value: 'early', label: { fr: 'Amorçage', en: 'Early' } },
      { value: 'growth', label: { fr: 'Croissance', en: 'Growth' } },
    ])
    assert.deepInclude(fields.deck, { accept: ['application/pdf'], maxSizeMb: 5 })
    assert.deepInclude(fields.founders, { minItems: 0, maxItems: 4 })
    assert.deepEqual(
      fields.founders.fields.map((field: { key: string }) => field.key),
      ['name', 'share', 'full_time', 'joined_on']
    )
  })

  test('a call not yet published has no form to read (404)', async ({ client }) => {
    const programme = await ProgrammeFactory.create()
    const call = await CallFactory.apply('draft')
      .merge({ programmeId: programme.id })
      .with('formVersions', 1)
      .create()
    const response = await client.get(`/api/v1/calls/${call.id}/form`)
    response.assertStatus(404)
    const unknown = await client.get('/api/v1/calls/999999999/form')
    unknown.assertStatus(404)
  })
})

test.group('JSON API contract: drafts keep their types', (group) => {
  isolateEachTest(group)

  test('what a client PATCHes comes back from GET with the same JSON types', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', EVERY_TYPE_FORM)
    const { token } = await applicantWithToken()
    const started = await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .json({})
      .bearerToken(token)
    started.assertStatus(201)
    const id = started.body().data.id
    const answers = {
      profile: {
        name: 'Atlas',
        summary: 'Une plateforme de traçabilité pour les coopératives.',
        years: 7,
        amount: 1_250_000.5,
        starts_on: '2027-01-15',
        stage: 'growth',
        sectors: ['agritech', 'fintech'],
        women_led: true,
        founders: [
          { name: 'Amina', share: 60.5, full_time: true, joined_on: '2024-03-01' },
          { name: 'Youssef', share: 39.5, full_time: false, joined_on: '2025-09-30' },
        ],
      },
    }
    const saved = await client
      .patch(`/api/v1/applications/${id}`)
      .json({ answers })
      .bearerToken(token)
    saved.assertStatus(200)
    assert.deepEqual(saved.body().data.answers, answers)

    const read = await client.get(`/api/v1/applications/${id}`).bearerToken(token)
    assert.deepEqual(read.body().data.answers, answers)

    const other = await client
      .patch(`/api/v1/applications/${id}`)
      .json({ answers: { profile: { women_led: false, years: 0, amount: '300000.25' } } })
      .bearerToken(token)
    assert.deepInclude(other.body().data.answers.profile, {
      women_led: false,
      years: 0,
      amount: 300_000.25,
    })
  })

  test('a draft typed on the pages reads through the API with its form types', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', EVERY_TYPE_FORM)
    const { applicant, token } = await applicantWithToken()
    const draft = await draftOf(applicant, call, {
      profile: { years: '12', amount: '1 250 000,50', women_led: 'true', sectors: ['fintech'] },
    })
    const read = await client.get(`/api/v1/applications/${draft.id}`).bearerToken(token)
    read.assertStatus(200)
    assert.deepEqual(read.body().data.answers.profile, {
      years: 12,
      amount: 1_250_000.5,
      women_led: true,
      sectors: ['fintech'],
    })
  })
})

test.group('JSON API contract: organizations and lists', (group) => {
  isolateEachTest(group)

  test("GET /organizations lists the caller's memberships with their role", async ({
    client,
    assert,
  }) => {
    const manager = await userWithRoles('fund_manager')
    const company = await OrganizationFactory.apply('fundManager').create()
    const startup = await OrganizationFactory.create()
    await OrganizationFactory.create()
    await db.table('organization_members').multiInsert([
      { organization_id: company.id, user_id: manager.id, role: 'owner', created_at: new Date() },
      { organization_id: startup.id, user_id: manager.id, role: 'member', created_at: new Date() },
    ])
    const token = await tokenOf(manager)
    const response = await client.get('/api/v1/organizations').bearerToken(token)
    response.assertStatus(200)
    assert.sameDeepMembers(response.body().data, [
      { id: company.id, kind: 'fund_manager_company', name: company.name, role: 'owner' },
      { id: startup.id, kind: 'startup', name: startup.name, role: 'member' },
    ])
    assert.equal(response.body().meta.total, 2)
    const anonymous = await client.get('/api/v1/organizations')
    anonymous.assertStatus(401)
  })

  test('applications are paginated with meta and links, and filtered by call and state', async ({
    client,
    assert,
  }) => {
    const { applicant, token } = await applicantWithToken()
    const calls = [await openCallOf(), await openCallOf(), await openCallOf()]
    const drafts = await Promise.all(calls.map((call) => draftOf(applicant, call)))
    await db.from('applications').where('id', drafts[0].id).update({ state: 'withdrawn' })

    const first = await client.get('/api/v1/applications?perPage=2').bearerToken(token)
    first.assertStatus(200)
    assert.lengthOf(first.body().data, 2)
    assert.deepEqual(first.body().meta, { total: 3, page: 1, perPage: 2, lastPage: 2 })
    assert.match(first.body().links.next, /[?&]page=2\b/)
    assert.match(first.body().links.next, /[?&]perPage=2\b/)
    assert.isNull(first.body().links.prev)

    const second = await client.get(first.body().links.next).bearerToken(token)
    assert.lengthOf(second.body().data, 1)
    assert.isNull(second.body().links.next)

    const byCall = await client.get(`/api/v1/applications?callId=${calls[1].id}`).bearerToken(token)
    assert.deepEqual(
      byCall.body().data.map((item: { id: number }) => item.id),
      [drafts[1].id]
    )
    const withdrawn = await client.get('/api/v1/applications?state=withdrawn').bearerToken(token)
    assert.deepEqual(
      withdrawn.body().data.map((item: { id: number }) => item.id),
      [drafts[0].id]
    )
  })

  test('bad page, perPage or filters are a 422 with a message per field', async ({
    client,
    assert,
  }) => {
    const { token } = await applicantWithToken()
    const response = await client
      .get('/api/v1/applications?page=0&perPage=1000&state=bogus&callId=abc')
      .header('Accept-Language', 'en')
      .bearerToken(token)
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.sameMembers(fields, ['page', 'perPage', 'state', 'callId'])
    for (const error of response.body().errors) assert.isString(error.message)

    const calls = await client.get('/api/v1/calls?perPage=-1')
    calls.assertStatus(422)
    const reviews = await client.get('/api/v1/reviews?state=nope').bearerToken(token)
    reviews.assertStatus(422)
  })

  test('calls and reviews are paginated the same way', async ({ client, assert }) => {
    await openCallOf()
    await openCallOf()
    const calls = await client.get('/api/v1/calls?perPage=1')
    calls.assertStatus(200)
    assert.lengthOf(calls.body().data, 1)
    assert.equal(calls.body().meta.perPage, 1)
    assert.isAtLeast(calls.body().meta.total, 2)
    // The first page as bench/baseline_server.js answers it (one query, no count).
    const usual = await client.get('/api/v1/calls')
    assert.deepInclude(usual.body().meta, { page: 1, perPage: 50, lastPage: 1 })
    assert.deepEqual(usual.body().links, {
      first: '/api/v1/calls?perPage=50&page=1',
      last: '/api/v1/calls?perPage=50&page=1',
      prev: null,
      next: null,
    })

    const call = await openCallOf()
    const reviewer = await userWithRoles('reviewer')
    const applicants = [await userWithRoles('applicant'), await userWithRoles('applicant')]
    for (const applicant of applicants) {
      const draft = await draftOf(applicant, call)
      await assignedReview(draft, reviewer)
    }
    const token = await tokenOf(reviewer)
    const reviews = await client.get('/api/v1/reviews?perPage=1&state=assigned').bearerToken(token)
    reviews.assertStatus(200)
    assert.lengthOf(reviews.body().data, 1)
    assert.deepEqual(reviews.body().meta, { total: 2, page: 1, perPage: 1, lastPage: 2 })
    const none = await client.get('/api/v1/reviews?state=submitted').bearerToken(token)
    assert.equal(none.body().meta.total, 0)
  })
})
