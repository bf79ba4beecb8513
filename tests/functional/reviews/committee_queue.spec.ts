import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { openCallOf } from '#database/factories/programme_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import {
  committeeFor,
  eligibleApplicationsOf,
  reviewAssignment,
} from '#database/factories/review_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { submittedReviewOf } from '#tests/functional/reviews/committee_fixtures'

test.group('Reviewer queue', (group) => {
  isolateEachTest(group)

  test('a reviewer sees their own reviews with due dates, overdue ones flagged, never someone else’s', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const [{ user: me }, { user: other }] = await committeeFor(call, 2)
    const [mine, late, theirs] = await eligibleApplicationsOf(call, 3)
    await reviewAssignment(mine, me, { dueInDays: 10 })
    await reviewAssignment(late, me, { dueInDays: -2 })
    await reviewAssignment(theirs, other)

    const page = await client.get('/reviews').loginAs(me)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, mine.reference!)
    assert.include(html, late.reference!)
    assert.notInclude(html, theirs.reference!)
    assert.include(html, mine.title!)
    assert.include(html, '1 évaluation est en retard.')
    assert.equal(html.match(/review-queue-overdue/g)?.length, 1)
    const review = await db.from('reviews').where('application_id', mine.id).first()
    assert.include(html, `href="/reviews/${review.id}"`)
  })

  test('in a blind call the queue shows the reference only, never the applicant’s name', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    call.blindReview = true
    await call.save()
    const [{ user: me }] = await committeeFor(call, 1)
    const [application] = await eligibleApplicationsOf(call, 1)
    await reviewAssignment(application, me)

    const page = await client.get('/reviews').loginAs(me)
    page.assertStatus(200)
    assert.include(page.text(), application.reference!)
    assert.include(page.text(), 'Évaluation anonyme')
    assert.notInclude(page.text(), application.title!)
  })

  test('the queue issues the same number of queries for 2 reviews as for 40', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const [{ user: few }, { user: many }] = await committeeFor(call, 2)
    const applications = await eligibleApplicationsOf(call, 40)
    for (const application of applications.slice(0, 2)) await reviewAssignment(application, few)
    for (const application of applications) await reviewAssignment(application, many)

    const small = await countQueries(() => client.get('/reviews').loginAs(few))
    const large = await countQueries(() => client.get('/reviews').loginAs(many))
    large.result.assertStatus(200)
    assert.equal(large.queries.length, small.queries.length)
    assert.isAtMost(large.queries.length, 3)
  })
})

test.group('Reviewer queue / declaring a conflict of interest', (group) => {
  isolateEachTest(group)

  test('the declaration form opens from the queue for an unsubmitted review only', async ({
    client,
  }) => {
    const call = await openCallOf()
    const [{ user: me }, { user: other }] = await committeeFor(call, 2)
    const [mine, theirs, done] = await eligibleApplicationsOf(call, 3)
    const review = await reviewAssignment(mine, me)
    const foreign = await reviewAssignment(theirs, other)
    const submitted = await submittedReviewOf(done, me)

    const queue = await client.get('/reviews').loginAs(me)
    queue.assertTextIncludes(`href="/reviews/${review.id}/conflicts/new"`)
    const form = await client.get(`/reviews/${review.id}/conflicts/new`).loginAs(me)
    form.assertStatus(200)
    form.assertTextIncludes(mine.reference!)
    form.assertTextIncludes('name="reason"')
    const foreignForm = await client.get(`/reviews/${foreign.id}/conflicts/new`).loginAs(me)
    foreignForm.assertStatus(404)
    const submittedForm = await client.get(`/reviews/${submitted.id}/conflicts/new`).loginAs(me)
    submittedForm.assertStatus(404)
  })

  test('a conflict on an assigned application is stored and withdraws the review, audited', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const [{ user: me }] = await committeeFor(call, 1)
    const [application] = await eligibleApplicationsOf(call, 1)
    const review = await reviewAssignment(application, me)

    const response = await client
      .post(`/reviews/${review.id}/conflicts`)
      .form({ scope: 'application', reason: 'Le fondateur est mon beau-frère.' })
      .loginAs(me)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/reviews')

    const conflict = await db.from('review_conflicts').where('reviewer_id', me.id).first()
    assert.include(conflict, {
      application_id: application.id,
      organization_id: null,
      source: 'declared',
      reason: 'Le fondateur est mon beau-frère.',
    })
    assert.isNull(await db.from('reviews').where('id', review.id).first())
    const audit = await db
      .from('audit_logs')
      .where({ action: 'review.withdrawn', subject_id: String(review.id) })
      .first()
    assert.equal(audit.actor_id, me.id)
    assert.equal(audit.reason, 'conflict')
  })

  test('a conflict on the applying organization is stored for the call and withdraws that review only', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const organization = await OrganizationFactory.create()
    const other = await OrganizationFactory.create()
    const [{ user: me }] = await committeeFor(call, 1)
    const [a, b] = await eligibleApplicationsOf(call, 2, {
      organizationId: (i) => (i === 0 ? organization.id : other.id),
    })
    const first = await reviewAssignment(a, me)
    await reviewAssignment(b, me)

    const response = await client
      .post(`/reviews/${first.id}/conflicts`)
      .form({ scope: 'organization', reason: 'J’ai conseillé cette société.' })
      .loginAs(me)
      .withCsrfToken()
      .accept('json')
    response.assertStatus(200)
    response.assertBodyContains({ withdrawn: 1 })
    const conflict = await db.from('review_conflicts').where('reviewer_id', me.id).first()
    assert.include(conflict, {
      call_id: call.id,
      organization_id: organization.id,
      application_id: null,
    })
    const left = await db.from('reviews').where('reviewer_id', me.id).select('application_id')
    assert.deepEqual(left, [{ application_id: b.id }])
  })

  test('a reviewer cannot declare on someone else’s review, nor on a submitted one, nor without a reason', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const [{ user: me }, { user: other }] = await committeeFor(call, 2)
    const [mine, theirs] = await eligibleApplicationsOf(call, 2)
    const review = await reviewAssignment(theirs, other)
    const submitted = await submittedReviewOf(mine, me)
    const declare = (id: number, form: Record<string, string>) =>
      client.post(`/reviews/${id}/conflicts`).form(form).loginAs(me).withCsrfToken().accept('json')

    const notMine = await declare(review.id, { scope: 'application', reason: 'Une raison valable' })
    notMine.assertStatus(404)
    const alreadySubmitted = await declare(submitted.id, {
      scope: 'application',
      reason: 'Une raison valable',
    })
    alreadySubmitted.assertStatus(409)
    const blank = await declare(submitted.id, { scope: 'application', reason: '  ' })
    blank.assertStatus(422)
    blank.assertBodyContains({ errors: [{ field: 'reason' }] })
    assert.isNull(await db.from('review_conflicts').where('reviewer_id', me.id).first())
    assert.isNotNull(await db.from('reviews').where('id', review.id).first())
  })
})
