import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import User from '#identity/models/user'
import { REMINDER_DAYS_BEFORE, unreportedPeriods } from '#reporting/progress/progress_schedule'
import ProgressReminderMail, {
  type ProgressReminder,
} from '#reporting/progress/mails/progress_reminder_mail'
import { CASABLANCA } from '#core/casablanca_time'

/**
 * Reminds beneficiaries of the progress reports not yet sent: once when the due date is
 * a week away or less, once more when it has passed. "Once" is the database's word: a
 * reminder is a row unique per agreement, period and kind, inserted before the mail is
 * queued; a second run (or two workers at once) inserts nothing and mails nobody.
 */
export class SendProgressReminders {
  async handle(now: DateTime = DateTime.utc()) {
    const today = now.setZone(CASABLANCA).toISODate()!
    const weekAhead = now.setZone(CASABLANCA).plus({ days: REMINDER_DAYS_BEFORE }).toISODate()!
    const pending = await unreportedPeriods({ dueBy: weekAhead, startedBy: today })
    if (pending.length === 0) return { reminded: 0 }

    const kinds = pending.map((period) => (period.dueOn < today ? 'overdue' : 'due_soon'))
    const { rows: inserted } = await db.rawQuery(
      `INSERT INTO progress_reminders (agreement_id, period_start, kind, sent_at)
       SELECT agreement_id, period_start, kind, ?::timestamptz
         FROM unnest(?::int[], ?::date[], ?::text[]) AS pending (agreement_id, period_start, kind)
       ON CONFLICT (agreement_id, period_start, kind) DO NOTHING
       RETURNING agreement_id, period_start::text AS period_start, kind`,
      [
        now.toISO(),
        pending.map((period) => period.agreementId),
        pending.map((period) => period.periodStart),
        kinds,
      ]
    )
    if (inserted.length === 0) return { reminded: 0 }

    const byKey = new Map(
      pending.map((period) => [`${period.agreementId}/${period.periodStart}`, period])
    )
    const users = await User.query().whereIn('id', [
      ...new Set(pending.map((period) => period.beneficiaryId)),
    ])
    const userById = new Map(users.map((user) => [user.id, user]))
    for (const row of inserted as Array<{
      agreement_id: number
      period_start: string
      kind: string
    }>) {
      const period = byKey.get(`${row.agreement_id}/${row.period_start}`)!
      const reminder: ProgressReminder = {
        kind: row.kind as ProgressReminder['kind'],
        agreementId: period.agreementId,
        periodStart: period.periodStart,
        dueOn: period.dueOn,
      }
      await mail.sendLater(new ProgressReminderMail(userById.get(period.beneficiaryId)!, reminder))
    }
    return { reminded: inserted.length }
  }
}
