import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Review from '#reviews/models/review'
import ReviewAssignmentMail from '#reviews/mails/review_assignment_mail'
import type Application from '#applications/models/application'
import type User from '#identity/models/user'
import type { captureMail } from '#tests/helpers/http'

/** The call's reviews as (application, reviewer) pairs, sorted. */
export async function pairsOf(callId: number) {
  const rows = await db
    .from('reviews')
    .where('call_id', callId)
    .orderBy(['application_id', 'reviewer_id'])
    .select('application_id', 'reviewer_id')
  return rows.map((row) => [row.application_id, row.reviewer_id] as [number, number])
}

/** A review already submitted (as the database requires: time and weighted score together). */
export function submittedReviewOf(application: Application, reviewer: User) {
  return Review.create({
    callId: application.callId,
    applicationId: application.id,
    reviewerId: reviewer.id,
    state: 'submitted',
    dueAt: DateTime.utc().plus({ days: 3 }),
    scores: {},
    weightedScore: 72,
    submittedAt: DateTime.utc(),
  })
}

/** The review mails queued while `mails` captured, rendered as they will be sent. */
export async function reviewMails(mails: ReturnType<typeof captureMail>) {
  const queued = mails.queued(
    (mail) => mail instanceof ReviewAssignmentMail
  ) as ReviewAssignmentMail[]
  for (const mail of queued) await mail.message.computeContents()
  return queued
}

/** A minimal rubric for a call, only for its assignment settings. */
export function rubricWith(
  callId: number,
  {
    reviewsPerApplication = 3,
    reviewDays = 14,
  }: { reviewsPerApplication?: number; reviewDays?: number }
) {
  const now = new Date()
  return db.table('call_rubrics').insert({
    call_id: callId,
    criteria: JSON.stringify([
      { key: 'team', label: { fr: 'Équipe' }, guidance: { fr: '' }, weight: 1 },
    ]),
    reviews_per_application: reviewsPerApplication,
    review_days: reviewDays,
    created_at: now,
    updated_at: now,
  })
}
