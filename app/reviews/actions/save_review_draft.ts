import db from '@adonisjs/lucid/services/db'
import Review from '#reviews/models/review'
import CallRubric from '#reviews/models/call_rubric'
import { draftScores } from '#reviews/rubric'
import { DomainError } from '#core/exceptions/domain_error'

/** A reviewer saves their scores as typed, as often as they like, until they submit. */
export class SaveReviewDraft {
  async handle(reviewId: number, input: unknown) {
    return db.transaction(async (client) => {
      const review = await Review.query({ client }).where('id', reviewId).forUpdate().firstOrFail()
      if (review.state === 'submitted') {
        throw new DomainError('reviewing.errors.already_submitted', { status: 409 })
      }
      const rubric = await CallRubric.query({ client }).where('call_id', review.callId).first()
      if (!rubric) throw new DomainError('reviewing.errors.no_rubric', { status: 409 })
      review.scores = draftScores(rubric.criteria, input)
      review.state = 'draft'
      await review.useTransaction(client).save()
      return review
    })
  }
}
