import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { LocalizedText } from '#core/i18n/localized_text'
import { formatCasablanca } from '#core/casablanca_time'

/**
 * A reviewer's queue, in one query whatever its length: unsubmitted first, soonest due
 * first. In a blind call the title (the applicant's or organization's name) never leaves
 * the database. Read by bench/baseline_server.js too: keep it a plain template literal.
 */
export const REVIEWER_QUEUE_SQL = `SELECT r.id, r.state, r.due_at, a.reference,
  CASE WHEN c.blind_review THEN NULL ELSE a.title END AS title,
  a.organization_id IS NOT NULL AS has_organization, c.title AS call_title, c.blind_review
FROM reviews r
JOIN applications a ON a.id = r.application_id
JOIN calls c ON c.id = r.call_id
WHERE r.reviewer_id = ?
ORDER BY r.state = 'submitted', r.due_at, r.id
LIMIT 500`

export interface QueueEntry {
  id: number
  state: 'assigned' | 'draft' | 'submitted'
  dueAt: DateTime
  reference: string | null
  title: string | null
  hasOrganization: boolean
  callTitle: LocalizedText
  blind: boolean
  overdue: boolean
  /** The due date in Casablanca time, as `formatDate` writes it. */
  dueLabel: string
}

export async function reviewerQueue(
  reviewerId: number,
  locale: string,
  now = DateTime.utc()
): Promise<QueueEntry[]> {
  const { rows } = await db.rawQuery(REVIEWER_QUEUE_SQL, [reviewerId])
  return rows.map((row: Record<string, any>) => entryOf(row, locale, now))
}

/** One unsubmitted review of this reviewer, as the queue shows it, or null. */
export async function openQueueEntry(reviewerId: number, reviewId: number, locale: string) {
  const row = await db
    .from('reviews as r')
    .join('applications as a', 'a.id', 'r.application_id')
    .join('calls as c', 'c.id', 'r.call_id')
    .where({ 'r.id': reviewId, 'r.reviewer_id': reviewerId })
    .whereNot('r.state', 'submitted')
    .select('r.id', 'r.state', 'r.due_at', 'a.reference', 'c.title as call_title', 'c.blind_review')
    .select(db.raw('CASE WHEN c.blind_review THEN NULL ELSE a.title END AS title'))
    .select(db.raw('a.organization_id IS NOT NULL AS has_organization'))
    .first()
  return row ? entryOf(row, locale, DateTime.utc()) : null
}

function entryOf(row: Record<string, any>, locale: string, now: DateTime): QueueEntry {
  const dueAt = DateTime.fromJSDate(row.due_at)
  return {
    id: row.id,
    state: row.state,
    dueAt,
    reference: row.reference,
    title: row.title,
    hasOrganization: row.has_organization,
    callTitle: row.call_title,
    blind: row.blind_review,
    overdue: row.state !== 'submitted' && dueAt < now,
    dueLabel: formatCasablanca(row.due_at, locale),
  }
}
