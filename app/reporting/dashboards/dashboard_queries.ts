/**
 * The dashboards' SQL (over the rollups of migration 1175) and the arithmetic done on
 * its rows, as plain functions without imports: the portal runs them through Lucid
 * (dashboard_figures.ts) and the bench's bare baseline (bench/dashboard.js) through pg,
 * so that both do the same work. Bindings are Lucid's `?`.
 */

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

export interface DashboardFilters {
  programmeId?: number
  callId?: number
  /** Months, `YYYY-MM`, in Casablanca time, both included. */
  from?: string
  to?: string
  region?: string
}

export interface SqlQuery {
  sql: string
  bindings: Array<string | number>
}

export interface DurationFigure {
  count: number
  /** Whole days; null when nothing was measured. */
  median: number | null
  p90: number | null
}

/**
 * The SQL condition and bindings selecting the rollup rows `r` within the filters
 * (month bounds compare first days of months, as the rollups store them).
 */
function within(filters: DashboardFilters, { months = true } = {}) {
  const conditions: string[] = []
  const bindings: Array<string | number> = []
  if (filters.callId) {
    conditions.push('r.call_id = ?')
    bindings.push(filters.callId)
  }
  if (filters.programmeId) {
    conditions.push(
      'r.call_id IN (SELECT call_id FROM dashboard_call_rollup WHERE programme_id = ?)'
    )
    bindings.push(filters.programmeId)
  }
  if (filters.region) {
    conditions.push('r.region = ?')
    bindings.push(filters.region)
  }
  if (months && filters.from) {
    conditions.push('r.month >= ?::date')
    bindings.push(`${filters.from}-01`)
  }
  if (filters.to) {
    conditions.push('r.month <= ?::date')
    bindings.push(`${filters.to}-01`)
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', bindings }
}

/** The calls (filter options, envelopes, stages) and the stamp of the last refresh. */
export const CALLS_SQL = `SELECT c.*, r.refreshed_at AS as_of,
    r.id || '@' || extract(epoch FROM r.refreshed_at) AS refresh_stamp
  FROM (SELECT 1) AS stamp
  LEFT JOIN (SELECT id, refreshed_at FROM dashboard_refreshes ORDER BY id DESC LIMIT 1) AS r ON true
  LEFT JOIN dashboard_call_rollup c ON true
  ORDER BY c.opens_at DESC, c.call_id DESC`

const FUNNEL_SUMS = FUNNEL_STAGES.map((stage) => `sum(${stage})::int AS ${stage}`).join(', ')

/** One scan of the filtered rollup rows: the funnel with the appeals, and every breakdown. */
export function applicationsQuery(filters: DashboardFilters): SqlQuery {
  const { where, bindings } = within(filters)
  return {
    sql: `WITH f AS (
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
    bindings,
  }
}

/** Day histograms of the lead times. */
export function durationsQuery(filters: DashboardFilters): SqlQuery {
  const { where, bindings } = within(filters)
  return {
    sql: `SELECT measure, days, sum(n)::int AS n FROM dashboard_duration_rollup r ${where}
     GROUP BY measure, days`,
    bindings,
  }
}

/** Money moved per month; every month up to `to`, since the figures are cumulated. */
export function moneyQuery(filters: DashboardFilters): SqlQuery {
  const { where, bindings } = within(filters, { months: false })
  return {
    sql: `SELECT to_char(month, 'YYYY-MM') AS month, sum(committed_centimes)::bigint AS committed,
       sum(disbursed_centimes)::bigint AS disbursed
     FROM dashboard_money_rollup r ${where} GROUP BY month ORDER BY month`,
    bindings,
  }
}

/**
 * The reviewers within the filters, most overdue first (`limit` of them), with everyone's
 * totals; names are looked up for the rows kept only (by primary key, not a join of every
 * user).
 */
export function reviewersQuery(filters: DashboardFilters, limit: number | null): SqlQuery {
  const { where, bindings } = within(filters)
  return {
    sql: `WITH per_reviewer AS (
       SELECT r.reviewer_id, sum(assigned)::int AS assigned,
         sum(submitted)::int AS submitted, sum(submitted_late)::int AS submitted_late,
         sum(overdue)::int AS overdue, sum(days_late)::int AS days_late,
         sum(sum(assigned)) OVER () AS total_assigned,
         sum(sum(submitted)) OVER () AS total_submitted,
         sum(sum(submitted_late)) OVER () AS total_submitted_late,
         sum(sum(overdue)) OVER () AS total_overdue,
         sum(sum(days_late)) OVER () AS total_days_late
       FROM dashboard_reviewer_rollup r ${where}
       GROUP BY r.reviewer_id
       ORDER BY sum(overdue) DESC, sum(submitted_late) DESC, sum(assigned) DESC, r.reviewer_id
       ${limit ? `LIMIT ${Math.trunc(limit)}` : ''}
     )
     SELECT p.*, (SELECT u.full_name FROM users u WHERE u.id = p.reviewer_id) AS full_name
     FROM per_reviewer p
     ORDER BY p.overdue DESC, p.submitted_late DESC, p.assigned DESC, p.reviewer_id`,
    bindings,
  }
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

/** Months as `YYYY-MM`, from `first` to `last` included. */
export function monthsBetween(first: string, last: string) {
  const months: string[] = []
  let [year, month] = first.split('-').map(Number)
  const [lastYear, lastMonth] = last.split('-').map(Number)
  while ((year < lastYear || (year === lastYear && month <= lastMonth)) && months.length < 600) {
    months.push(`${year}-${String(month).padStart(2, '0')}`)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return months
}

export interface MoneyMonth {
  month: string
  committedCentimes: number
  disbursedCentimes: number
  remainingCentimes: number
}

/**
 * Committed, disbursed and remaining, cumulated month by month from the first movement;
 * the months before `from` count but are not listed.
 */
export function cumulatedMoney(
  rows: Array<{ month: string; committed: string | number; disbursed: string | number }>,
  envelopeCentimes: number,
  filters: DashboardFilters
) {
  const byMonth = new Map(rows.map((row) => [row.month, row]))
  const months: MoneyMonth[] = []
  let committed = 0
  let disbursed = 0
  if (rows.length) {
    for (const month of monthsBetween(rows[0].month, filters.to ?? rows[rows.length - 1].month)) {
      committed += Number(byMonth.get(month)?.committed ?? 0)
      disbursed += Number(byMonth.get(month)?.disbursed ?? 0)
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
