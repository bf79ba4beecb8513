import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { UNSUBMITTED_REVIEW_STATES, withdrawReviews } from '#reviews/committee_records'
import type { conflictDeclarationValidator } from '#reviews/validators/committee'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * A reviewer declares a conflict of interest, from their queue, on the application of
 * one of their reviews or on the organization that filed it. Their unsubmitted reviews
 * the conflict covers are withdrawn at once (audited), for the officer to reassign.
 */
export class DeclareConflict {
  async handle(
    reviewId: number,
    reviewerId: number,
    { scope, reason }: Infer<typeof conflictDeclarationValidator>,
    actor: Actor
  ) {
    return db.transaction(async (client) => {
      const review = await client
        .from('reviews as r')
        .join('applications as a', 'a.id', 'r.application_id')
        .where('r.id', reviewId)
        .where('r.reviewer_id', reviewerId)
        .forUpdate('r')
        .select('r.id', 'r.call_id', 'r.application_id', 'r.state', 'a.organization_id')
        .first()
      if (!review) throw new DomainError('review_queue.errors.not_found', { status: 404 })
      if (review.state === 'submitted') {
        throw new DomainError('review_queue.errors.already_submitted', { status: 409 })
      }
      if (scope === 'organization' && review.organization_id === null) {
        throw new InvalidFields([
          { field: 'scope', message: 'review_queue.errors.no_organization' },
        ])
      }
      const target =
        scope === 'organization'
          ? { application_id: null, organization_id: review.organization_id }
          : { application_id: review.application_id, organization_id: null }
      await client
        .table('review_conflicts')
        .insert({
          call_id: review.call_id,
          reviewer_id: reviewerId,
          ...target,
          source: 'declared',
          reason,
          created_at: new Date(),
        })
        .onConflict()
        .ignore()

      const covered = await client
        .from('reviews as r')
        .join('applications as a', 'a.id', 'r.application_id')
        .where('r.call_id', review.call_id)
        .where('r.reviewer_id', reviewerId)
        .whereIn('r.state', UNSUBMITTED_REVIEW_STATES)
        .where((query) =>
          scope === 'organization'
            ? query.where('a.organization_id', review.organization_id)
            : query.where('r.application_id', review.application_id)
        )
        .forUpdate('r')
        .select('r.id', 'r.application_id', 'r.reviewer_id')
      await withdrawReviews(covered, 'conflict', actor, client)
      await recordAudit(
        {
          actor,
          action: 'review_conflict.declared',
          subjectType: 'application',
          subjectId: review.application_id,
          reason,
          metadata: { scope, organizationId: target.organization_id, withdrawn: covered.length },
        },
        client
      )
      return { withdrawn: covered.length }
    })
  }
}
