import db from '@adonisjs/lucid/services/db'
import CommitteeMember from '#reviews/models/committee_member'
import { UNSUBMITTED_REVIEW_STATES, withdrawReviews } from '#reviews/committee_records'
import { DomainError } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * Removes a member from a call's committee, with their unsubmitted reviews (to be
 * reassigned). Refused once they submitted a review: their scores stand.
 */
export class RemoveCommitteeMember {
  async handle(callId: number, memberId: number, actor: Actor) {
    return db.transaction(async (client) => {
      const member = await CommitteeMember.query({ client })
        .where({ id: memberId, callId })
        .forUpdate()
        .firstOrFail()
      const reviews = await client
        .from('reviews')
        .where({ call_id: callId, reviewer_id: member.userId })
        .forUpdate()
        .select('id', 'application_id', 'reviewer_id', 'state')
      if (reviews.some((review) => review.state === 'submitted')) {
        throw new DomainError('committees.errors.has_submitted', { status: 409 })
      }
      await withdrawReviews(
        reviews.filter((review) => UNSUBMITTED_REVIEW_STATES.includes(review.state)),
        'member_removed',
        actor,
        client
      )
      await member.useTransaction(client).delete()
      await recordAudit(
        {
          actor,
          action: 'committee.member_removed',
          subjectType: 'call',
          subjectId: callId,
          metadata: { userId: member.userId, role: member.role, withdrawn: reviews.length },
        },
        client
      )
      return member
    })
  }
}
