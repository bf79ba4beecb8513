import db from '@adonisjs/lucid/services/db'
import Review from '#reviews/models/review'
import {
  conflictCandidates,
  dueDateAfter,
  isConflicted,
  notifyReviewers,
  reviewSettingsOf,
  storeDetectedConflicts,
} from '#reviews/committee_records'
import { DomainError } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * An officer hands an unsubmitted review to another committee member, who starts
 * afresh (new due date, empty scores). Refused when that member is conflicted with the
 * application (declared or detected now) or already reviews it.
 */
export class ReassignReview {
  async handle(reviewId: number, reviewerId: number, actor: Actor) {
    const review = await db.transaction(async (client) => {
      const locked = await Review.query({ client }).where('id', reviewId).forUpdate().firstOrFail()
      if (locked.state === 'submitted') {
        throw new DomainError('committees.errors.review_submitted', { status: 409 })
      }
      const member = await client
        .from('committee_members')
        .where({ call_id: locked.callId, user_id: reviewerId })
        .select('id')
        .first()
      if (!member) throw new DomainError('committees.errors.not_member')
      const taken = await client
        .from('reviews')
        .where({ application_id: locked.applicationId, reviewer_id: reviewerId })
        .select('id')
        .first()
      if (taken) throw new DomainError('committees.errors.already_assigned')

      const application = await conflictCandidates(client)
        .where('a.id', locked.applicationId)
        .first()
      await storeDetectedConflicts(locked.callId, [application], [reviewerId], client)
      const conflicted = await isConflicted(
        { id: application.id, callId: locked.callId, organizationId: application.organizationId },
        reviewerId,
        client
      )
      if (conflicted) throw new DomainError('committees.errors.conflicted')

      const previous = locked.reviewerId
      const settings = await reviewSettingsOf(locked.callId, client)
      locked.merge({
        reviewerId,
        assignedBy: actor.id,
        state: 'assigned',
        scores: {},
        dueAt: dueDateAfter(settings.reviewDays),
        remindedAt: null,
      })
      await locked.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'review.reassigned',
          subjectType: 'review',
          subjectId: locked.id,
          metadata: { applicationId: locked.applicationId, from: previous, to: reviewerId },
        },
        client
      )
      return locked
    })
    await notifyReviewers(
      new Map([[reviewerId, { kind: 'assigned' as const, count: 1, dueAt: review.dueAt }]])
    )
    return review
  }
}
