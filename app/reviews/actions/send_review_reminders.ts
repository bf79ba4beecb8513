import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { UNSUBMITTED_REVIEW_STATES, notifyReviewers } from '#reviews/committee_records'
import type { ReviewNotice } from '#reviews/mails/review_assignment_mail'

/** Reviews due within this many hours (or overdue) are reminded. */
export const REMINDER_WINDOW_HOURS = 48
/** A review is reminded at most once in this many hours. */
export const REMINDER_INTERVAL_HOURS = 24

/**
 * Reminds reviewers of their unsubmitted reviews due within 48 h or overdue: one mail per
 * reviewer, in their language, at most once a day per review (`reminded_at`, claimed
 * under lock, so two runs at once remind once).
 */
export class SendReviewReminders {
  async handle(now: DateTime = DateTime.utc()) {
    const notices = new Map<number, ReviewNotice>()
    const reminded = await db.transaction(async (client) => {
      const due = await client
        .from('reviews')
        .whereIn('state', UNSUBMITTED_REVIEW_STATES)
        .where('due_at', '<=', now.plus({ hours: REMINDER_WINDOW_HOURS }).toJSDate())
        .where((query) =>
          query
            .whereNull('reminded_at')
            .orWhere('reminded_at', '<=', now.minus({ hours: REMINDER_INTERVAL_HOURS }).toJSDate())
        )
        .orderBy('id')
        .forUpdate()
        .skipLocked()
        .select('id', 'reviewer_id', 'due_at')
      if (due.length === 0) return 0
      await client
        .from('reviews')
        .whereIn(
          'id',
          due.map((review) => review.id)
        )
        .update({ reminded_at: now.toJSDate() })
      for (const review of due) {
        const dueAt = DateTime.fromJSDate(review.due_at)
        const notice = notices.get(review.reviewer_id)
        notices.set(review.reviewer_id, {
          kind: 'reminder',
          count: (notice?.count ?? 0) + 1,
          dueAt: notice && notice.dueAt < dueAt ? notice.dueAt : dueAt,
          overdue: (notice?.overdue ?? 0) + (dueAt < now ? 1 : 0),
        })
      }
      return due.length
    })
    await notifyReviewers(notices)
    return { reminded, reviewers: notices.size }
  }
}
