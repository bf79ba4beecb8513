import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import User from '#identity/models/user'
import ReviewAssignmentMail, { type ReviewNotice } from '#reviews/mails/review_assignment_mail'
import { detectConflicts, type ConflictCandidateApplication } from '#reviews/conflicts'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** Reviews still to be written: the only ones that may be withdrawn or handed to someone else. */
export const UNSUBMITTED_REVIEW_STATES: string[] = ['assigned', 'draft']

/** Used when a call has no rubric yet (DESIGN §5: k = 3 by default). */
export const DEFAULT_REVIEW_SETTINGS = { reviewsPerApplication: 3, reviewDays: 14 }

/** How many reviewers each application gets and how long they have, from the call's rubric. */
export async function reviewSettingsOf(callId: number, client: TransactionClientContract) {
  const rubric = await client
    .from('call_rubrics')
    .where('call_id', callId)
    .select('reviews_per_application', 'review_days')
    .first()
  return rubric
    ? { reviewsPerApplication: rubric.reviews_per_application, reviewDays: rubric.review_days }
    : DEFAULT_REVIEW_SETTINGS
}

/** The due date of a review assigned now. */
export function dueDateAfter(reviewDays: number) {
  return DateTime.utc().plus({ days: reviewDays })
}

/**
 * Detects the automatic conflicts between these applications of a call and these
 * reviewers, and stores them (once: the unique indexes ignore a second detection), so
 * that the review policy, which reads only `review_conflicts`, covers them too.
 */
export async function storeDetectedConflicts(
  callId: number,
  applications: ConflictCandidateApplication[],
  reviewerIds: number[],
  client: TransactionClientContract
) {
  if (applications.length === 0 || reviewerIds.length === 0) return 0
  const [reviewers, memberships] = await Promise.all([
    client.from('users').whereIn('id', reviewerIds).select('id', 'email'),
    client
      .from('organization_members')
      .whereIn('user_id', reviewerIds)
      .select('user_id', 'organization_id'),
  ])
  const organizationsOf = new Map<number, number[]>()
  for (const row of memberships) {
    organizationsOf.set(row.user_id, [
      ...(organizationsOf.get(row.user_id) ?? []),
      row.organization_id,
    ])
  }
  const detected = detectConflicts(
    applications,
    reviewers.map((row) => ({
      id: row.id,
      email: row.email,
      organizationIds: organizationsOf.get(row.id) ?? [],
    }))
  )
  if (detected.length === 0) return 0
  const now = new Date()
  const inserted = await client
    .table('review_conflicts')
    .insert(
      detected.map((conflict) => ({
        call_id: callId,
        reviewer_id: conflict.reviewerId,
        application_id: 'applicationId' in conflict ? conflict.applicationId : null,
        organization_id: 'organizationId' in conflict ? conflict.organizationId : null,
        source: conflict.source,
        created_at: now,
      }))
    )
    .onConflict()
    .ignore()
    .returning('id')
  return inserted.length
}

/** The application facts conflict detection needs, for some applications of a call. */
export function conflictCandidates(client: TransactionClientContract) {
  return client
    .from('applications as a')
    .join('users as u', 'u.id', 'a.applicant_id')
    .select(
      'a.id',
      'a.organization_id as organizationId',
      'a.applicant_id as applicantId',
      'u.email as applicantEmail'
    )
}

/** Whether a stored conflict keeps this reviewer away from this application. */
export async function isConflicted(
  application: { id: number; callId: number; organizationId: number | null },
  reviewerId: number,
  client: TransactionClientContract
) {
  const row = await client
    .from('review_conflicts')
    .where('reviewer_id', reviewerId)
    .where((query) => {
      query.where('application_id', application.id)
      if (application.organizationId !== null) {
        query.orWhere((org) =>
          org
            .where('call_id', application.callId)
            .where('organization_id', application.organizationId!)
        )
      }
    })
    .select('id')
    .first()
  return !!row
}

/**
 * Deletes unsubmitted reviews (so that someone else can be assigned) and audits each,
 * with why. Returns the withdrawn reviews.
 */
export async function withdrawReviews(
  reviews: Array<{ id: number; application_id: number; reviewer_id: number }>,
  cause: 'conflict' | 'member_removed' | 'reassigned',
  actor: Actor,
  client: TransactionClientContract
) {
  if (reviews.length === 0) return reviews
  await client
    .from('reviews')
    .whereIn(
      'id',
      reviews.map((review) => review.id)
    )
    .whereIn('state', UNSUBMITTED_REVIEW_STATES)
    .delete()
  for (const review of reviews) {
    await recordAudit(
      {
        actor,
        action: 'review.withdrawn',
        subjectType: 'review',
        subjectId: review.id,
        reason: cause,
        metadata: { applicationId: review.application_id, reviewerId: review.reviewer_id },
      },
      client
    )
  }
  return reviews
}

/** One mail per reviewer, in their own language; call after the transaction committed. */
export async function notifyReviewers(notices: Map<number, ReviewNotice>) {
  if (notices.size === 0) return
  const users = await User.query().whereIn('id', [...notices.keys()])
  for (const user of users) {
    await mail.sendLater(new ReviewAssignmentMail(user, notices.get(user.id)!))
  }
}
