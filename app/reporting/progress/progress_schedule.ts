import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'

/**
 * When beneficiaries report their progress (issue 12), derived from what the agreement
 * already holds rather than stored twice:
 * - bourse de vie: one report per stipend month, the months of its tranche schedule
 *   (app/disbursements/tranche_schedule.ts; a cancelled month is not reported);
 * - startup offers: one report per quarter from the agreement's date, for two years;
 * - VC commitments report through their capital calls, not here.
 * A report is due REPORT_GRACE_DAYS after its period ends.
 */
export const STARTUP_REPORT_QUARTERS = 8
export const REPORT_GRACE_DAYS = 10
/** A reminder goes this many days before the due date, and another once it has passed. */
export const REMINDER_DAYS_BEFORE = 7

export const REPORTING_KINDS = ['living_grant', 'startup_offer'] as const

export const REVENUE_BANDS = ['none', 'under_1m', '1m_10m', '10m_50m', 'over_50m'] as const
export type RevenueBand = (typeof REVENUE_BANDS)[number]

export type PeriodStatus = 'submitted' | 'late' | 'due' | 'upcoming'

/**
 * Every reporting period of the agreements (one agreement when `agreementId` is given):
 * agreement_id, period_start, period_end (exclusive), due_on, as dates in Casablanca.
 */
function periodsSql(agreementId: number | null) {
  return {
    sql: `SELECT tranches.agreement_id, tranches.due_on AS period_start,
                 (tranches.due_on + interval '1 month')::date AS period_end
            FROM tranches
            JOIN agreements ON agreements.id = tranches.agreement_id
           WHERE agreements.kind = 'living_grant' AND tranches.state <> 'cancelled'
             AND tranches.due_on IS NOT NULL AND (?::int IS NULL OR agreements.id = ?::int)
          UNION ALL
          SELECT agreements.id,
                 (starts.start_on + make_interval(months => 3 * quarter))::date,
                 (starts.start_on + make_interval(months => 3 * (quarter + 1)))::date
            FROM agreements
           CROSS JOIN generate_series(0, ${STARTUP_REPORT_QUARTERS - 1}) AS quarter
           CROSS JOIN LATERAL (SELECT (agreements.created_at AT TIME ZONE 'Africa/Casablanca')::date
                                 AS start_on) AS starts
           WHERE agreements.kind = 'startup_offer' AND (?::int IS NULL OR agreements.id = ?::int)`,
    bindings: [agreementId, agreementId, agreementId, agreementId] as any[],
  }
}

/** A period's due date in SQL, from `periodsSql`'s columns (the grace after its end). */
const DUE_ON = `(periods.period_end + ${REPORT_GRACE_DAYS - 1})`

export interface ReportPeriod {
  periodStart: string
  periodEnd: string
  dueOn: string
  status: PeriodStatus
  reportId: number | null
}

const isoDate = (value: Date | string) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10)

/** The status of a period on `today` (yyyy-MM-dd, Casablanca). */
export function periodStatus(
  period: { periodStart: string; dueOn: string },
  reported: boolean,
  today: string
): PeriodStatus {
  if (reported) return 'submitted'
  if (period.periodStart > today) return 'upcoming'
  return period.dueOn < today ? 'late' : 'due'
}

/** One agreement's periods with their status, oldest first. */
export async function periodsOf(
  agreementId: number,
  today: DateTime,
  client: QueryClientContract = db.connection()
): Promise<ReportPeriod[]> {
  const periods = periodsSql(agreementId)
  const { rows } = await client.rawQuery(
    `SELECT periods.period_start::text, periods.period_end::text,
            ${DUE_ON}::text AS due_on,
            progress_reports.id AS report_id
       FROM (${periods.sql}) AS periods
       LEFT JOIN progress_reports ON progress_reports.agreement_id = periods.agreement_id
        AND progress_reports.period_start = periods.period_start
      ORDER BY periods.period_start`,
    periods.bindings
  )
  const day = today.toISODate()!
  return rows.map((row: Record<string, any>) => {
    const period = {
      periodStart: isoDate(row.period_start),
      periodEnd: isoDate(row.period_end),
      dueOn: isoDate(row.due_on),
    }
    return {
      ...period,
      status: periodStatus(period, row.report_id !== null, day),
      reportId: row.report_id,
    }
  })
}

export interface UnreportedPeriod {
  agreementId: number
  beneficiaryId: number
  periodStart: string
  dueOn: string
}

/**
 * Periods started and not reported, of agreements not terminated, whose due date is on
 * or before `dueBy` (and on or after `dueFrom` when given): what reminders and the
 * officers' late list are made of.
 */
export async function unreportedPeriods(
  range: { dueBy: string; dueFrom?: string; startedBy: string },
  limit?: number
): Promise<UnreportedPeriod[]> {
  const periods = periodsSql(null)
  const { rows } = await db.rawQuery(
    `SELECT periods.agreement_id, agreements.beneficiary_id, periods.period_start::text,
            ${DUE_ON}::text AS due_on
       FROM (${periods.sql}) AS periods
       JOIN agreements ON agreements.id = periods.agreement_id
      WHERE agreements.state <> 'terminated'
        AND periods.period_start <= ?::date
        AND ${DUE_ON} <= ?::date
        AND (?::date IS NULL OR ${DUE_ON} >= ?::date)
        AND NOT EXISTS (SELECT 1 FROM progress_reports
                         WHERE progress_reports.agreement_id = periods.agreement_id
                           AND progress_reports.period_start = periods.period_start)
      ORDER BY due_on, periods.agreement_id
      ${limit ? `LIMIT ${Number(limit)}` : ''}`,
    [
      ...periods.bindings,
      range.startedBy,
      range.dueBy,
      range.dueFrom ?? null,
      range.dueFrom ?? null,
    ]
  )
  return rows.map((row: Record<string, any>): UnreportedPeriod => ({
    agreementId: row.agreement_id,
    beneficiaryId: row.beneficiary_id,
    periodStart: isoDate(row.period_start),
    dueOn: isoDate(row.due_on),
  }))
}
