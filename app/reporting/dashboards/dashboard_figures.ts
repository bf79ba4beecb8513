import db from '@adonisjs/lucid/services/db'
import type { LocalizedText } from '#core/i18n/localized_text'
import {
  CALLS_SQL,
  FUNNEL_STAGES,
  applicationsQuery,
  cumulatedMoney,
  durationsQuery,
  histogramFigure,
  moneyQuery,
  reviewersQuery,
  type DashboardFilters,
  type DurationFigure,
  type MoneyMonth,
  type SqlQuery,
} from '#reporting/dashboards/dashboard_queries'

export { FUNNEL_STAGES, histogramFigure, type DashboardFilters }
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
export const REVIEWERS_SHOWN = 20

async function rowsOf({ sql, bindings }: SqlQuery): Promise<any[]> {
  const { rows } = await db.rawQuery(sql, bindings)
  return rows
}

async function applicationFigures(filters: DashboardFilters) {
  const rows = await rowsOf(applicationsQuery(filters))
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
  const rows = await rowsOf(durationsQuery(filters))
  return Object.fromEntries(
    DURATION_MEASURES.map((measure) => [
      measure,
      histogramFigure(rows.filter((row: any) => row.measure === measure)),
    ])
  ) as Record<DurationMeasure, DurationFigure>
}

async function moneyFigures(filters: DashboardFilters, calls: CallOption[]) {
  const envelopeCentimes = calls
    .filter(
      (call) =>
        (!filters.callId || call.callId === filters.callId) &&
        (!filters.programmeId || call.programmeId === filters.programmeId)
    )
    .reduce((sum, call) => sum + call.envelopeCentimes, 0)
  return cumulatedMoney(await rowsOf(moneyQuery(filters)), envelopeCentimes, filters)
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
  const rows = await rowsOf(reviewersQuery(filters, limit))
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
  const rows = await rowsOf({ sql: CALLS_SQL, bindings: [] })
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
  /** The last refresh, exactly (its id and its instant to the microsecond): a cache key. */
  const refreshStamp: string | null = rows[0]?.refresh_stamp ?? null
  return { calls, asOf, refreshStamp }
}

/**
 * Every figure of the dashboards within the filters, read from the rollups only, in a
 * fixed number of queries whatever the data size (4 for officers).
 */
export async function dashboardFigures(
  filters: DashboardFilters,
  panels: DashboardPanels,
  stamp?: Awaited<ReturnType<typeof dashboardCalls>>
): Promise<DashboardFigures> {
  const { calls, asOf } = stamp ?? (await dashboardCalls())
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
