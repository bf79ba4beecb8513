import db from '@adonisjs/lucid/services/db'
import type { LocalizedText } from '#core/i18n/localized_text'

/** The stages of the funnel, in order: how many applications reached each. */
export const FUNNEL_STAGES = [
  'drafts',
  'submitted',
  'eligible',
  'in_review',
  'awarded',
  'contracted',
  'disbursing',
  'completed',
] as const
export type FunnelStage = (typeof FUNNEL_STAGES)[number]

/** Breakdowns: region and stage come with every row, the others are rollup dimensions. */
export const BREAKDOWNS = [
  'region',
  'stage',
  'gender',
  'age_band',
  'organisation_type',
  'language',
] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

export const APPEAL_OUTCOMES = ['pending', 'upheld', 'dismissed', 'withdrawn'] as const
export const DURATION_MEASURES = ['decision', 'first_payment'] as const
export type DurationMeasure = (typeof DURATION_MEASURES)[number]

export interface DashboardFilters {
  programmeId?: number
  callId?: number
  /** Months, `YYYY-MM`, in Casablanca time, both included. */
  from?: string
  to?: string
  region?: string
}

export interface CallOption {
  callId: number
  programmeId: number
  programmeTitle: LocalizedText
  title: LocalizedText
  stage: string
  envelopeCentimes: number
}

export interface BreakdownRow {
  value: string
  drafts: number
  submitted: number
  eligible: number
  awarded: number
}

export interface DurationFigure {
  count: number
  /** Whole days; null when nothing was measured. */
  median: number | null
  p90: number | null
}

export interface MoneyMonth {
  month: string
  committedCentimes: number
  disbursedCentimes: number
  remainingCentimes: number
}

export interface ReviewerRow {
  reviewerId: number
  name: string
  assigned: number
  submitted: number
  submittedLate: number
  overdue: number
  /** Mean days past due over the late reviews (submitted late or overdue). */
  averageDaysLate: number | null
}

export interface DashboardFigures {
  asOf: Date | null
  calls: CallOption[]
  funnel: Record<FunnelStage, number>
  breakdowns: Record<Breakdown, BreakdownRow[]>
  appeals: { lodged: number } & Record<(typeof APPEAL_OUTCOMES)[number], number>
  durations: Record<DurationMeasure, DurationFigure>
  money: {
    envelopeCentimes: number
    committedCentimes: number
    disbursedCentimes: number
    remainingCentimes: number
    months: MoneyMonth[]
  }
  reviewers: { rows: ReviewerRow[]; total: ReviewerRow }
}

/** What a reader may see: finance officers see the money panels only. */
export interface DashboardPanels {
  applications: boolean
  money: boolean
}

/** Reviewers listed on the page (the most overdue first); the CSV has them all. */
export const REVIEWERS_SHOWN = 100

/**
 * The SQL condition and bindings selecting the rollup rows `alias` within the filters
 * (month bounds compare first days of months, as the rollups store them).
 */
function within(filters: DashboardFilters, alias: string, { months = true } = {}) {
  const conditions: string[] = []
  const bindings: Array<string | number> = []
  if (filters.callId) {
    conditions.push(`${alias}.call_id = ?`)
    bindings.push(filters.callId)
  }
  if (filters.programmeId) {
    conditions.push(
      `${alias}.call_id IN (SELECT call_id FROM dashboard_call_rollup WHERE programme_id = ?)`
    )
    bindings.push(filters.programmeId)
  }
  if (filters.region) {
    conditions.push(`${alias}.region = ?`)
    bindings.push(filters.region)
  }
  if (months && filters.from) {
    conditions.push(`${alias}.month >= ?::date`)
    bindings.push(`${filters.from}-01`)
  }
  if (filters.to) {
    conditions.push(`${alias}.month <= ?::date`)
    bindings.push(`${filters.to}-01`)
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', bindings }
}

/**
 * A percentile of a histogram of whole days: the median averages the two middle values
 * when the count is even; the 90th percentile is the nearest rank.
 */
export function histogramFigure(histogram: Array<{ days: number; n: number }>): DurationFigure {
  const sorted = [...histogram].sort((left, right) => left.days - right.days)
  const count = sorted.reduce((sum, bucket) => sum + bucket.n, 0)
  if (!count) return { count: 0, median: null, p90: null }
  const valueAtRank = (rank: number) => {
    let seen = 0
    for (const bucket of sorted) {
      seen += bucket.n
      if (seen >= rank) return bucket.days
    }
    return sorted[sorted.length - 1].days
  }
  const median =
    count % 2 === 1
      ? valueAtRank((count + 1) / 2)
      : (valueAtRank(count / 2) + valueAtRank(count / 2 + 1)) / 2
  return { count, median, p90: valueAtRank(Math.ceil(count * 0.9)) }
}

const FUNNEL_SUMS = FUNNEL_STAGES.map((stage) => `sum(${stage})::int AS ${stage}`).join(', ')

async function applicationFigures(filters: DashboardFilters) {
  const { where, bindings } = within(filters, 'r')
  // One scan of the filtered rollup rows: the funnel, appeals and every breakdown.
  const { rows } = await db.rawQuery(
    `WITH f AS (
       SELECT r.*, c.stage FROM dashboard_application_rollup r
       JOIN dashboard_call_rollup c ON c.call_id = r.call_id ${where}
     )
     SELECT 'all' AS dimension, 'all' AS value, ${FUNNEL_SUMS}, sum(appeals)::int AS appeals,
       sum(appeals_pending)::int AS appeals_pending, sum(appeals_upheld)::int AS appeals_upheld,
       sum(appeals_dismissed)::int AS appeals_dismissed,
       sum(appeals_withdrawn)::int AS appeals_withdrawn
     FROM f WHERE dimension = 'all'
     UNION ALL
     SELECT dimension, value, ${FUNNEL_SUMS}, 0, 0, 0, 0, 0 FROM f
     WHERE dimension <> 'all' GROUP BY dimension, value
     UNION ALL
     SELECT 'region', region, ${FUNNEL_SUMS}, 0, 0, 0, 0, 0 FROM f
     WHERE dimension = 'all' GROUP BY region
     UNION ALL
     SELECT 'stage', stage, ${FUNNEL_SUMS}, 0, 0, 0, 0, 0 FROM f
     WHERE dimension = 'all' GROUP BY stage`,
    bindings
  )
  const total = rows.find((row: any) => row.dimension === 'all')
  const funnel = Object.fromEntries(
    FUNNEL_STAGES.map((stage) => [stage, Number(total?.[stage] ?? 0)])
  ) as Record<FunnelStage, number>
  const breakdowns = Object.fromEntries(BREAKDOWNS.map((name) => [name, [] as BreakdownRow[]]))
  for (const row of rows) {
    if (row.dimension === 'all') continue
    breakdowns[row.dimension]?.push({
      value: row.value === '' ? 'not_stated' : row.value,
      drafts: row.drafts,
      submitted: row.submitted,
      eligible: row.eligible,
      awarded: row.awarded,
    })
  }
  for (const list of Object.values(breakdowns)) {
    list.sort((left, right) => right.drafts - left.drafts || left.value.localeCompare(right.value))
  }
  return {
    funnel,
    breakdowns: breakdowns as Record<Breakdown, BreakdownRow[]>,
    appeals: {
      lodged: Number(total?.appeals ?? 0),
      pending: Number(total?.appeals_pending ?? 0),
      upheld: Number(total?.appeals_upheld ?? 0),
      dismissed: Number(total?.appeals_dismissed ?? 0),
      withdrawn: Number(total?.appeals_withdrawn ?? 0),
    },
  }
}

async function durationFigures(filters: DashboardFilters) {
  const { where, bindings } = within(filters, 'r')
  const { rows } = await db.rawQuery(
    `SELECT measure, days, sum(n)::int AS n FROM dashboard_duration_rollup r ${where}
     GROUP BY measure, days`,
    bindings
  )
  return Object.fromEntries(
    DURATION_MEASURES.map((measure) => [
      measure,
      histogramFigure(rows.filter((row: any) => row.measure === measure)),
    ])
  ) as Record<DurationMeasure, DurationFigure>
}

/** Months as `YYYY-MM`, from `first` to `last` included. */
function monthsBetween(first: string, last: string) {
  const months: string[] = []
  let [year, month] = first.split('-').map(Number)
  const [lastYear, lastMonth] = last.split('-').map(Number)
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
    if (months.length > 600) break
  }
  return months
}

async function moneyFigures(filters: DashboardFilters, calls: CallOption[]) {
  // Cumulated from the first movement: months before `from` count, and are not shown.
  const { where, bindings } = within(filters, 'r', { months: false })
  const { rows } = await db.rawQuery(
    `SELECT to_char(month, 'YYYY-MM') AS month, sum(committed_centimes)::bigint AS committed,
       sum(disbursed_centimes)::bigint AS disbursed
     FROM dashboard_money_rollup r ${where} GROUP BY month ORDER BY month`,
    bindings
  )
  const envelopeCentimes = calls
    .filter(
      (call) =>
        (!filters.callId || call.callId === filters.callId) &&
        (!filters.programmeId || call.programmeId === filters.programmeId)
    )
    .reduce((sum, call) => sum + call.envelopeCentimes, 0)
  const byMonth = new Map<string, { committed: number; disbursed: number }>(
    rows.map((row: any) => [
      row.month,
      { committed: Number(row.committed), disbursed: Number(row.disbursed) },
    ])
  )
  const months: MoneyMonth[] = []
  let committed = 0
  let disbursed = 0
  if (rows.length) {
    const last = filters.to ?? rows[rows.length - 1].month
    for (const month of monthsBetween(rows[0].month, last)) {
      committed += byMonth.get(month)?.committed ?? 0
      disbursed += byMonth.get(month)?.disbursed ?? 0
      if (filters.from && month < filters.from) continue
      months.push({
        month,
        committedCentimes: committed,
        disbursedCentimes: disbursed,
        remainingCentimes: envelopeCentimes - committed,
      })
    }
  }
  return {
    envelopeCentimes,
    committedCentimes: committed,
    disbursedCentimes: disbursed,
    remainingCentimes: envelopeCentimes - committed,
    months,
  }
}

function reviewerRow(row: any): ReviewerRow {
  const late = Number(row.submitted_late ?? 0) + Number(row.overdue ?? 0)
  return {
    reviewerId: row.reviewer_id,
    name: row.full_name,
    assigned: Number(row.assigned ?? 0),
    submitted: Number(row.submitted ?? 0),
    submittedLate: Number(row.submitted_late ?? 0),
    overdue: Number(row.overdue ?? 0),
    averageDaysLate: late ? Math.round((Number(row.days_late ?? 0) / late) * 10) / 10 : null,
  }
}

/** The reviewers within the filters, most overdue first, with everyone's total. */
export async function reviewerFigures(filters: DashboardFilters, limit: number | null) {
  const { where, bindings } = within(filters, 'r')
  const { rows } = await db.rawQuery(
    `SELECT r.reviewer_id, u.full_name, sum(assigned)::int AS assigned,
       sum(submitted)::int AS submitted, sum(submitted_late)::int AS submitted_late,
       sum(overdue)::int AS overdue, sum(days_late)::int AS days_late,
       sum(sum(assigned)) OVER () AS total_assigned, sum(sum(submitted)) OVER () AS total_submitted,
       sum(sum(submitted_late)) OVER () AS total_submitted_late,
       sum(sum(overdue)) OVER () AS total_overdue, sum(sum(days_late)) OVER () AS total_days_late
     FROM dashboard_reviewer_rollup r JOIN users u ON u.id = r.reviewer_id ${where}
     GROUP BY r.reviewer_id, u.full_name
     ORDER BY sum(overdue) DESC, sum(submitted_late) DESC, sum(assigned) DESC, r.reviewer_id
     ${limit ? `LIMIT ${Number(limit)}` : ''}`,
    bindings
  )
  const first = rows[0]
  const total = reviewerRow({
    reviewer_id: 0,
    full_name: '',
    assigned: first?.total_assigned ?? 0,
    submitted: first?.total_submitted ?? 0,
    submitted_late: first?.total_submitted_late ?? 0,
    overdue: first?.total_overdue ?? 0,
    days_late: first?.total_days_late ?? 0,
  })
  return { rows: rows.map(reviewerRow), total }
}

/** The calls the filters offer (and their envelopes), and when the rollups were refreshed. */
export async function dashboardCalls() {
  const { rows } = await db.rawQuery(
    `SELECT c.*, (SELECT max(refreshed_at) FROM dashboard_refreshes) AS as_of
     FROM (SELECT 1) AS stamp LEFT JOIN dashboard_call_rollup c ON true
     ORDER BY c.opens_at DESC, c.call_id DESC`
  )
  const calls: CallOption[] = rows
    .filter((row: any) => row.call_id !== null)
    .map((row: any) => ({
      callId: row.call_id,
      programmeId: row.programme_id,
      programmeTitle: row.programme_title,
      title: row.title,
      stage: row.stage,
      envelopeCentimes: Number(row.envelope_centimes),
    }))
  const asOf: Date | null = rows[0]?.as_of ?? null
  return { calls, asOf }
}

/**
 * Every figure of the dashboards within the filters, read from the rollups only, in a
 * fixed number of queries whatever the data size (4 for officers).
 */
export async function dashboardFigures(
  filters: DashboardFilters,
  panels: DashboardPanels
): Promise<DashboardFigures> {
  const { calls, asOf } = await dashboardCalls()
  // One after the other: a transaction (or a test's) runs one query at a time anyway.
  const applications = panels.applications ? await applicationFigures(filters) : null
  const durations = await durationFigures(filters)
  const money = await moneyFigures(filters, calls)
  const reviewers = panels.applications ? await reviewerFigures(filters, REVIEWERS_SHOWN) : null
  return {
    asOf,
    calls,
    funnel:
      applications?.funnel ??
      (Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Record<FunnelStage, number>),
    breakdowns:
      applications?.breakdowns ??
      (Object.fromEntries(BREAKDOWNS.map((name) => [name, []])) as unknown as Record<
        Breakdown,
        BreakdownRow[]
      >),
    appeals: applications?.appeals ?? {
      lodged: 0,
      pending: 0,
      upheld: 0,
      dismissed: 0,
      withdrawn: 0,
    },
    durations,
    money,
    reviewers: reviewers ?? { rows: [], total: reviewerRow({ reviewer_id: 0, full_name: '' }) },
  }
}
