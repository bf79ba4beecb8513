import db from '@adonisjs/lucid/services/db'
import { DateTime, Duration } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Application from '#applications/models/application'

/** DESIGN §3: an ineligible verdict may be appealed once within 10 days (10 × 24 h). */
export const APPEAL_PERIOD = Duration.fromObject({ hours: 10 * 24 })

export const APPEAL_STATEMENT_LENGTH = { min: 50, max: 5000 } as const

/** Why an appeal is refused, as the i18n key its refusal shows; null when it may be filed. */
export type AppealRefusal = 'already_appealed' | 'not_ineligible' | 'period_over'

/**
 * Whether the application may be appealed at `now`: once (never appealed before), while
 * ineligible, and within the period counted from the moment it became ineligible.
 */
export function appealRefusal(
  application: Pick<Application, 'state' | 'appealedAt'>,
  becameIneligibleAt: DateTime | null,
  now: DateTime
): AppealRefusal | null {
  if (application.appealedAt) return 'already_appealed'
  if (application.state !== 'ineligible' || !becameIneligibleAt) return 'not_ineligible'
  if (now.toMillis() > appealDeadline(becameIneligibleAt).toMillis()) return 'period_over'
  return null
}

export function appealDeadline(becameIneligibleAt: DateTime) {
  return becameIneligibleAt.plus(APPEAL_PERIOD)
}

/** When the application last became ineligible (screening, an override, an appeal decision). */
export async function ineligibleSince(applicationId: number, client?: TransactionClientContract) {
  const row = await (client ?? db)
    .from('audit_logs')
    .where({
      subject_type: 'application',
      subject_id: String(applicationId),
      to_state: 'ineligible',
    })
    .orderBy('id', 'desc')
    .select('created_at')
    .first()
  return row ? DateTime.fromJSDate(row.created_at).toUTC() : null
}

/** The applicant's page: an appeal may be filed until `deadline`, or it is closed since `since`. */
export type AppealWindow =
  | { open: true; deadline: DateTime }
  | { open: false; reason: 'period_over' | 'already_appealed'; since: DateTime }

/**
 * What the applicant's page says about appealing an ineligible verdict: open with its
 * deadline, or closed since when and why (the 10 days passed, or the one appeal was used
 * and decided); null when there is nothing to appeal (one query, only when ineligible).
 */
export async function appealWindow(
  application: Application,
  now: DateTime = DateTime.utc()
): Promise<AppealWindow | null> {
  if (application.state !== 'ineligible') return null
  if (application.appealedAt) {
    return { open: false, reason: 'already_appealed', since: application.appealedAt }
  }
  const since = await ineligibleSince(application.id)
  if (!since) return null
  const deadline = appealDeadline(since)
  return appealRefusal(application, since, now) === 'period_over'
    ? { open: false, reason: 'period_over', since: deadline }
    : { open: true, deadline }
}

/**
 * A submitted application, locked for a decision on it; a draft is still its applicant's
 * private work, so for officers it does not exist (404).
 */
export function lockSubmittedApplication(id: number, client: TransactionClientContract) {
  return Application.query({ client })
    .where('id', id)
    .whereNot('state', 'draft')
    .forUpdate()
    .firstOrFail()
}
