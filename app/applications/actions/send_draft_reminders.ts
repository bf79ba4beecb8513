import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import Application from '#applications/models/application'
import DraftReminderMail from '#applications/mails/draft_reminder_mail'
import DeadlineExtension from '#applications/models/deadline_extension'

/**
 * Mails the owner of each draft still not submitted when its deadline (the call's, or
 * its own extension) is at most the call's `draft_reminder_days` away: once per draft,
 * ever. The `draft_reminders` primary key claims each draft in the same statement that
 * finds it, so a rerun, or two workers at once, mail nobody twice; the mails are queued
 * after the claim commits.
 */
export class SendDraftReminders {
  async handle(now: DateTime = DateTime.utc()) {
    const claimed = await db.rawQuery<{ rows: { application_id: number }[] }>(
      `INSERT INTO draft_reminders (application_id, sent_at)
       SELECT a.id, :now FROM applications a
       JOIN calls c ON c.id = a.call_id
       LEFT JOIN deadline_extensions e ON e.application_id = a.id
       WHERE a.state = 'draft' AND c.draft_reminder_days > 0
         AND (c.state = 'open' OR (c.state = 'closed' AND e.closes_at IS NOT NULL))
         AND greatest(c.closes_at, e.closes_at) > :now
         AND greatest(c.closes_at, e.closes_at) - c.draft_reminder_days * interval '1 day' <= :now
       ON CONFLICT (application_id) DO NOTHING
       RETURNING application_id`,
      { now: now.toJSDate() }
    )
    const ids = claimed.rows.map((row) => row.application_id)
    if (ids.length === 0) return { reminded: 0 }
    const drafts = await Application.query()
      .whereIn('id', ids)
      .preload('applicant')
      .preload('call')
      .orderBy('id')
    const extensions = await DeadlineExtension.query().whereIn('applicationId', ids)
    for (const draft of drafts) {
      const extended = extensions.find((extension) => extension.applicationId === draft.id)
      const closesAt =
        extended && extended.closesAt > draft.call.closesAt
          ? extended.closesAt
          : draft.call.closesAt
      await mail.sendLater(
        new DraftReminderMail(draft.applicant, `/applications/${draft.id}/edit`, {
          callTitle: draft.call.title,
          closesAt,
        })
      )
    }
    return { reminded: drafts.length }
  }
}
