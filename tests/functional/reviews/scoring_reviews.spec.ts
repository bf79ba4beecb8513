import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ApplicationDocument from '#applications/models/application_document'
import { OrganizationFactory } from '#database/factories/organization_factory'
import ReviewAggregate from '#reviews/models/review_aggregate'
import { userWithRoles } from '#database/factories/user_factory'
import { assignedReview, scoresOf, submittedReview } from '#database/factories/scoring_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { callUnderReview, tokenOf } from '#tests/functional/reviews/scoring_fixtures'

const form = (team: string, market: string) => ({
  scores: {
    team: { score: team, comment: 'Équipe expérimentée' },
    market: { score: market, comment: 'Marché étroit' },
  },
})

test.group('Reviews: scoring an assigned application', (group) => {
  isolateEachTest(group)

  test('the reviewer reads the answers and the guidance in their language', async ({ client }) => {
    const { review, reviewer } = await callUnderReview()
    const page = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    page.assertStatus(200)
    page.assertTextIncludes('Projet Atlas')
    page.assertTextIncludes('Does the team have the experience the project needs?')
    page.assertTextIncludes('name="scores[team][score]"')
  })

  test('a draft keeps the scores as typed, without checking them', async ({ client, assert }) => {
    const { review, reviewer } = await callUnderReview()
    const saved = await client
      .put(`/reviews/${review.id}`)
      .form({ scores: { team: { score: '9', comment: ' à revoir ' }, market: { score: '' } } })
      .loginAs(reviewer)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    await review.refresh()
    assert.equal(review.state, 'draft')
    assert.deepEqual(review.scores, {
      team: { score: 9, comment: 'à revoir' },
      market: { score: null, comment: '' },
    })
    assert.isNull(review.weightedScore)
  })

  test('submitting scores every criterion, weighs them, audits, locks the rubric and aggregates', async ({
    client,
    assert,
  }) => {
    const { review, reviewer, rubric, application } = await callUnderReview()
    const response = await client
      .post(`/reviews/${review.id}/submission`)
      .form(form('4', '1'))
      .loginAs(reviewer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await review.refresh()
    assert.equal(review.state, 'submitted')
    assert.isNotNull(review.submittedAt)
    // (2×4 + 1×1) / 3 = 3 out of 5 → 60
    assert.equal(Number(review.weightedScore), 60)
    assert.equal(review.scores.market.comment, 'Marché étroit')

    await rubric.refresh()
    assert.isNotNull(rubric.lockedAt)
    const audit = await db
      .from('audit_logs')
      .where({ subject_type: 'review', subject_id: String(review.id), to_state: 'submitted' })
      .first()
    assert.equal(audit.actor_id, reviewer.id)
    const aggregate = await ReviewAggregate.findOrFail(application.id)
    assert.equal(aggregate.reviewCount, 1)
    assert.equal(Number(aggregate.meanScore), 60)
  })

  test('an incomplete review is refused with messages under each field, nothing submitted', async ({
    client,
    assert,
  }) => {
    const { review, reviewer, rubric } = await callUnderReview()
    const token = await tokenOf(reviewer)
    const response = await client
      .put(`/api/v1/reviews/${review.id}`)
      .json({ submit: true, scores: { team: { score: 7 } } })
      .header('Accept-Language', 'en')
      .bearerToken(token)
    response.assertStatus(422)
    assert.deepEqual(response.body().errors, [
      { field: 'scores.team.score', message: 'Enter a score between 0 and 5.', rule: 'domain' },
      { field: 'scores.market.score', message: 'Score this criterion.', rule: 'domain' },
    ])
    await review.refresh()
    await rubric.refresh()
    assert.equal(review.state, 'assigned')
    assert.isNull(rubric.lockedAt)
    assert.isNull(await ReviewAggregate.findBy('call_id', review.callId))
  })

  test('the page form sends the reviewer back with each error under its criterion', async ({
    client,
    assert,
  }) => {
    const { review, reviewer } = await callUnderReview()
    const response = await client
      .post(`/reviews/${review.id}/submission`)
      .form(form('3', ''))
      .loginAs(reviewer)
      .withCsrfToken()
      .header('Referer', `/reviews/${review.id}`)
      .redirects(0)
    response.assertStatus(302)
    assert.deepEqual(response.flashMessages().inputErrorsBag, {
      'scores.market.score': ['Score this criterion.'],
    })
    assert.deepInclude(response.flashMessages().scores, {
      team: { score: '3', comment: 'Équipe expérimentée' },
    })
  })

  test('a submitted review is final', async ({ client }) => {
    const { review, reviewer } = await callUnderReview()
    const token = await tokenOf(reviewer)
    await client
      .put(`/api/v1/reviews/${review.id}`)
      .json({ submit: true, ...form('5', '5') })
      .bearerToken(token)
      .then((response) => response.assertStatus(200))
    const again = await client
      .put(`/api/v1/reviews/${review.id}`)
      .json({ scores: form('0', '0').scores })
      .bearerToken(token)
    again.assertStatus(409)
  })

  test('the API lists the reviewer’s assignments and submits scores', async ({
    client,
    assert,
  }) => {
    const { review, reviewer, application } = await callUnderReview()
    const token = await tokenOf(reviewer)
    const list = await client.get('/api/v1/reviews').bearerToken(token)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((item: { id: number }) => item.id),
      [review.id]
    )
    assert.equal(list.body().data[0].reference, application.reference)

    const submitted = await client
      .put(`/api/v1/reviews/${review.id}`)
      .json({ submit: true, ...form('5', '2') })
      .bearerToken(token)
    submitted.assertStatus(200)
    assert.equal(submitted.body().data.state, 'submitted')
    assert.equal(submitted.body().data.weightedScore, 80)
  })

  test('aggregates follow every submission of the call', async ({ client, assert }) => {
    const { review, reviewer, application, call } = await callUnderReview()
    const second = await userWithRoles('reviewer')
    await submittedReview(application, second, scoresOf(1, 1))
    const token = await tokenOf(reviewer)
    await client
      .put(`/api/v1/reviews/${review.id}`)
      .json({ submit: true, ...form('5', '5') })
      .bearerToken(token)
      .then((response) => response.assertStatus(200))
    const aggregate = await ReviewAggregate.findOrFail(application.id)
    assert.equal(aggregate.callId, call.id)
    assert.equal(aggregate.reviewCount, 2)
    assert.equal(Number(aggregate.meanScore), 60) // (100 + 20) / 2
    assert.equal(aggregate.stdDev, 40)
    assert.isTrue(aggregate.disagreement)
  })
})

test.group('Reviews: independence', (group) => {
  isolateEachTest(group)

  test('a reviewer never sees the others’ scores before submitting, then sees them', async ({
    client,
    assert,
  }) => {
    const { review, reviewer, application } = await callUnderReview()
    const other = await userWithRoles('reviewer')
    await submittedReview(application, other, scoresOf(1, 2, 'Commentaire-secret-du-pair'))
    const token = await tokenOf(reviewer)

    const before = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    before.assertStatus(200)
    assert.notInclude(before.text(), 'Commentaire-secret-du-pair')
    const beforeApi = await client.get(`/api/v1/reviews/${review.id}`).bearerToken(token)
    assert.isNull(beforeApi.body().data.otherReviews)
    assert.notInclude(JSON.stringify(beforeApi.body()), 'Commentaire-secret-du-pair')

    await client
      .put(`/api/v1/reviews/${review.id}`)
      .json({ submit: true, ...form('4', '4') })
      .bearerToken(token)
      .then((response) => response.assertStatus(200))

    const after = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    after.assertTextIncludes('Commentaire-secret-du-pair')
    assert.notInclude(after.text(), other.fullName)
    const afterApi = await client.get(`/api/v1/reviews/${review.id}`).bearerToken(token)
    assert.lengthOf(afterApi.body().data.otherReviews, 1)
    assert.equal(afterApi.body().data.otherReviews[0].weightedScore, 26.667)
  })
})

test.group('Reviews: who may open a review', (group) => {
  isolateEachTest(group)

  test('a conflicted reviewer cannot open the application by URL nor API', async ({
    client,
    assert,
  }) => {
    const { review, reviewer, application } = await callUnderReview()
    const token = await tokenOf(reviewer)
    await db.table('review_conflicts').insert({
      call_id: application.callId,
      reviewer_id: reviewer.id,
      application_id: application.id,
      source: 'declared',
      created_at: new Date(),
    })
    for (const response of [
      await client.get(`/reviews/${review.id}`).loginAs(reviewer),
      await client.get(`/api/v1/reviews/${review.id}`).bearerToken(token),
      await client
        .put(`/api/v1/reviews/${review.id}`)
        .json({ submit: true, ...form('5', '5') })
        .bearerToken(token),
    ]) {
      response.assertStatus(404)
      assert.notInclude(response.text(), 'Projet Atlas')
    }
    const list = await client.get('/api/v1/reviews').bearerToken(token)
    assert.deepEqual(list.body().data, [])
    await review.refresh()
    assert.equal(review.state, 'assigned')
  })

  test('a conflict with the applying organization bars the reviewer too', async ({ client }) => {
    const { review, reviewer, application } = await callUnderReview()
    const company = await OrganizationFactory.create()
    application.organizationId = company.id
    await application.save()
    await db.table('review_conflicts').insert({
      call_id: application.callId,
      reviewer_id: reviewer.id,
      organization_id: company.id,
      source: 'organization',
      created_at: new Date(),
    })
    const page = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    page.assertStatus(404)
  })

  test('another reviewer, the applicant and an officer get a 404 on every reviewer route', async ({
    client,
    assert,
  }) => {
    const { review, application } = await callUnderReview()
    const document = await ApplicationDocument.create({
      applicationId: application.id,
      fieldPath: 'project.deck',
      originalName: 'deck.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 10,
      sha256: 'b'.repeat(64),
      storageKey: `applications/test/${application.id}-deck.pdf`,
      uploadedBy: application.applicantId,
    })
    const anotherReviewer = await userWithRoles('reviewer')
    await assignedReview(application, anotherReviewer).then(() => undefined)
    await application.load('applicant')
    const officer = await userWithRoles('programme_officer', 'reviewer')
    for (const outsider of [await userWithRoles('reviewer'), application.applicant, officer]) {
      const token = await tokenOf(outsider)
      const responses = [
        await client.get(`/reviews/${review.id}`).loginAs(outsider),
        await client
          .put(`/reviews/${review.id}`)
          .form(form('1', '1'))
          .loginAs(outsider)
          .withCsrfToken(),
        await client
          .post(`/reviews/${review.id}/submission`)
          .form(form('1', '1'))
          .loginAs(outsider)
          .withCsrfToken(),
        await client.get(`/reviews/${review.id}/documents/${document.id}`).loginAs(outsider),
        await client.get(`/api/v1/reviews/${review.id}`).bearerToken(token),
        await client.put(`/api/v1/reviews/${review.id}`).json(form('1', '1')).bearerToken(token),
      ]
      for (const response of responses) assert.equal(response.status(), 404, outsider.email)
    }
    await review.refresh()
    assert.equal(review.state, 'assigned')
  })

  test('without a session or a token, reviewer routes send to login or answer 401', async ({
    client,
    assert,
  }) => {
    const { review } = await callUnderReview()
    for (const url of [`/reviews/${review.id}`, `/reviews/${review.id}/documents/1`]) {
      const response = await client.get(url).redirects(0)
      assert.equal(response.header('location'), '/login', url)
    }
    for (const response of [
      await client.get('/api/v1/reviews'),
      await client.get(`/api/v1/reviews/${review.id}`),
      await client.put(`/api/v1/reviews/${review.id}`).json({}),
    ]) {
      response.assertStatus(401)
    }
  })

  test('a document of another application is not served through a review', async ({ client }) => {
    const { review, reviewer } = await callUnderReview()
    const { application: elsewhere } = await callUnderReview()
    const foreign = await ApplicationDocument.create({
      applicationId: elsewhere.id,
      fieldPath: 'project.deck',
      originalName: 'other.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 10,
      sha256: 'c'.repeat(64),
      storageKey: `applications/test/${elsewhere.id}-deck.pdf`,
      uploadedBy: elsewhere.applicantId,
    })
    const response = await client
      .get(`/reviews/${review.id}/documents/${foreign.id}`)
      .loginAs(reviewer)
    response.assertStatus(404)
  })
})
