import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Review from '#reviews/models/review'
import ReviewAggregate from '#reviews/models/review_aggregate'
import { SubmitReview } from '#reviews/actions/submit_review'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { assignedReview, rubricOf, scoresOf } from '#database/factories/scoring_factory'
import { STAFF_FORM, submittedTo } from '#tests/functional/applications/staff_fixtures'
import { DomainError } from '#core/exceptions/domain_error'

/*
| Real transactions, committed: no global transaction here, so submissions really contend
| for the rows. Everything a test creates is deleted afterwards, except the users (the
| append-only audit log refers to them) and their audit entries.
*/
async function deleteCall(callId: number) {
  await db.from('review_aggregates').where('call_id', callId).delete()
  await db.from('reviews').where('call_id', callId).delete()
  await db.from('call_rubrics').where('call_id', callId).delete()
  await db.from('applications').where('call_id', callId).delete()
  const call = await db.from('calls').where('id', callId).first()
  await db.from('form_versions').where('call_id', callId).delete()
  await db.from('calls').where('id', callId).delete()
  await db.from('programmes').where('id', call.programme_id).delete()
}

async function callWithReviews(applicationCount: number, reviewersPerApplication: number) {
  const call = await openCallOf('startup_offer', STAFF_FORM)
  await rubricOf(call)
  const reviews: Review[] = []
  for (let index = 0; index < applicationCount; index++) {
    const application = await submittedTo(call)
    for (let seat = 0; seat < reviewersPerApplication; seat++) {
      reviews.push(await assignedReview(application, await userWithRoles('reviewer')))
    }
  }
  return { call, reviews }
}

test.group('Reviews: concurrent submissions', () => {
  test('the same review submitted four times at once is submitted once', async ({
    assert,
    cleanup,
  }) => {
    const { call, reviews } = await callWithReviews(1, 1)
    cleanup(() => deleteCall(call.id))
    const [review] = reviews

    const results = await Promise.allSettled(
      [5, 4, 3, 2].map((score) =>
        new SubmitReview().handle(review.id, scoresOf(score, score), { id: review.reviewerId })
      )
    )
    const refused = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected'
    )
    assert.lengthOf(refused, 3)
    for (const result of refused) {
      assert.instanceOf(result.reason, DomainError)
      assert.equal(result.reason.status, 409)
    }
    const audits = await db
      .from('audit_logs')
      .where({ subject_type: 'review', subject_id: String(review.id), to_state: 'submitted' })
    assert.lengthOf(audits, 1)
  })

  test('simultaneous submissions of a call leave aggregates that count every review', async ({
    assert,
    cleanup,
  }) => {
    const { call, reviews } = await callWithReviews(3, 3)
    cleanup(() => deleteCall(call.id))

    await Promise.all(
      reviews.map((review, index) =>
        new SubmitReview().handle(review.id, scoresOf(index % 6, (index * 2) % 6), {
          id: review.reviewerId,
        })
      )
    )

    const aggregates = await ReviewAggregate.query().where('call_id', call.id)
    assert.lengthOf(aggregates, 3)
    for (const aggregate of aggregates) {
      assert.equal(aggregate.reviewCount, 3)
      const submitted = reviews.filter((review) => review.applicationId === aggregate.applicationId)
      const scores = await Review.query().whereIn(
        'id',
        submitted.map((review) => review.id)
      )
      const mean = scores.reduce((sum, review) => sum + Number(review.weightedScore), 0) / 3
      assert.closeTo(Number(aggregate.meanScore), mean, 0.001)
    }
  })
})
