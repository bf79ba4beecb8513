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

/**
 * What the applicant's page needs to offer an appeal: its deadline while one may be filed,
 * null otherwise (one query, only for an ineligible application never appealed).
 */
export async function appealWindow(application: Application, now: DateTime = DateTime.utc()) {
  if (application.state !== 'ineligible' || application.appealedAt) return null
  const since = await ineligibleSince(application.id)
  if (!since || appealRefusal(application, since, now)) return null
  return { deadline: appealDeadline(since) }
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
