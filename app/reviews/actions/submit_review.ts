import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Review from '#reviews/models/review'
import CallRubric from '#reviews/models/call_rubric'
import { reviewLifecycle, type ReviewState } from '#reviews/review_lifecycle'
import { checkScores, draftScores, weightedScore } from '#reviews/rubric'
import { RecomputeAggregates } from '#reviews/actions/recompute_aggregates'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import { inTransaction } from '#core/transactions'

/**
 * A reviewer submits their review: every criterion scored within the scale, the
 * weighted score computed, the rubric locked and the call's aggregates recomputed, in
 * one transaction (the caller's, when given). `input` is what was just typed (the saved
 * draft when absent).
 */
export class SubmitReview {
  async handle(
    reviewId: number,
    input: unknown,
    actor: Actor,
    outerClient?: TransactionClientContract
  ) {
    return inTransaction(outerClient, async (client) => {
      const found = await Review.find(reviewId, { client })
      if (!found) throw new DomainError('reviewing.errors.not_found', { status: 404 })
      // The rubric first, always in this order: submissions of a call queue on it, so
      // each one recomputes the aggregates with every review committed before it.
      const rubric = await CallRubric.query({ client })
        .where('call_id', found.callId)
        .forUpdate()
        .first()
      if (!rubric) throw new DomainError('reviewing.errors.no_rubric', { status: 409 })
      const review = await Review.query({ client }).where('id', reviewId).forUpdate().firstOrFail()
      if (review.state === 'submitted') {
        throw new DomainError('reviewing.errors.already_submitted', { status: 409 })
      }
      const scores = draftScores(rubric.criteria, input ?? review.scores)
      const problems = checkScores(rubric.criteria, rubric.scaleMax, scores)
      if (problems.length) throw new InvalidFields(problems)

      const now = DateTime.utc()
      review.scores = scores
      review.weightedScore = weightedScore(rubric.criteria, rubric.scaleMax, scores)
      review.submittedAt = now
      await reviewLifecycle.apply(review as Review & { state: ReviewState }, 'submitted', {
        actor,
        client,
        metadata: { weightedScore: review.weightedScore },
      })
      if (!rubric.lockedAt) {
        rubric.lockedAt = now
        await rubric.useTransaction(client).save()
      }
      await new RecomputeAggregates().handle(review.callId, rubric.disagreementThreshold, client)
      return review
    })
  }
}
