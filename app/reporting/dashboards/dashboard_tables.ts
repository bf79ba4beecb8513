import type { I18n } from '@adonisjs/i18n'
import { Money } from '#core/money'
import { madDecimal, type CsvValue } from '#core/csv'
import { dataTableHtml } from '#reporting/charts/data_table'
import { directionOf, intlTagOf, isLocale } from '#core/i18n/locales'
import {
  barChart,
  funnelChart,
  lineChart,
  stackedBarChart,
  type Direction,
} from '#reporting/charts/svg_charts'
import {
  APPEAL_OUTCOMES,
  BREAKDOWNS,
  DURATION_MEASURES,
  FUNNEL_STAGES,
  type Breakdown,
  type BreakdownRow,
  type DashboardFigures,
  type ReviewerRow,
} from '#reporting/dashboards/dashboard_figures'

/** Every table of the dashboards, each exported as CSV under the same key. */
export const DASHBOARD_TABLES = [
  'funnel',
  ...BREAKDOWNS,
  'appeals',
  'durations',
  'money',
  'reviewers',
] as const
export type DashboardTableKey = (typeof DASHBOARD_TABLES)[number]

/** The tables a finance officer sees (and exports): money and time to pay. */
export const MONEY_TABLES: readonly DashboardTableKey[] = ['money', 'durations']

/** A cell: what the page shows (localized) and what the CSV holds (plain, sortable). */
export interface Cell {
  text: string
  csv: CsvValue
  /** Free text typed by people (names): shown with dir="auto". */
  free?: boolean
}

export interface DashboardTable {
  key: DashboardTableKey
  caption: string
  columns: string[]
  rows: Cell[][]
  /** A last row summing up the others, when it means something. */
  total?: Cell[]
  chart: string
  /** The table's markup, printed under the chart. */
  html: string
}

/** Intl formatters are costly to build: one set per locale, for every request. */
const intlFormats = new Map<
  string,
  { numbers: Intl.NumberFormat; percent: Intl.NumberFormat; months: Intl.DateTimeFormat }
>()

function intlFormatsOf(locale: string) {
  const tag = intlTagOf(locale)
  let formats = intlFormats.get(tag)
  if (!formats) {
    formats = {
      numbers: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
      percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }),
      months: new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    }
    intlFormats.set(tag, formats)
  }
  return formats
}

class Formats {
  readonly direction: Direction
  readonly #intl: ReturnType<typeof intlFormatsOf>

  constructor(readonly locale: string) {
    this.direction = directionOf(locale)
    this.#intl = intlFormatsOf(locale)
  }

  number = (value: number) => this.#intl.numbers.format(value)

  count(value: number): Cell {
    return { text: this.number(value), csv: value }
  }

  share(part: number, whole: number): Cell {
    if (!whole) return { text: '—', csv: null }
    const ratio = part / whole
    return {
      text: this.#intl.percent.format(ratio),
      csv: (Math.round(ratio * 1000) / 10).toFixed(1),
    }
  }

  money(centimes: number): Cell {
    return { text: Money.ofCentimes(centimes).format(this.locale), csv: madDecimal(centimes) }
  }

  days(value: number | null): Cell {
    return value === null ? { text: '—', csv: null } : { text: this.number(value), csv: value }
  }

  /** `2026-03` as the locale writes a month ("mars 2026", "مارس 2026"). */
  month(value: string): Cell {
    const [year, month] = value.split('-').map(Number)
    return { text: this.#intl.months.format(new Date(Date.UTC(year, month - 1, 1))), csv: value }
  }
}

/** The label of a breakdown's category (a region, a stage, "not stated"…). */
function categoryLabel(i18n: I18n, breakdown: Breakdown, value: string) {
  if (value === 'not_stated') return i18n.t('dashboards.values.not_stated')
  switch (breakdown) {
    case 'region':
      return i18n.t(`regions.${value}`)
    case 'language':
      return isLocale(value) ? i18n.t(`locales.${value}`) : value
    default:
      return i18n.t(`dashboards.values.${breakdown}.${value}`)
  }
}

function breakdownTable(
  i18n: I18n,
  formats: Formats,
  breakdown: Breakdown,
  rows: BreakdownRow[]
): Omit<DashboardTable, 'html'> {
  const caption = i18n.t(`dashboards.tables.${breakdown}`)
  const labelled = rows.map((row) => ({ ...row, label: categoryLabel(i18n, breakdown, row.value) }))
  const sum = (key: 'drafts' | 'submitted' | 'eligible' | 'awarded') =>
    rows.reduce((total, row) => total + row[key], 0)
  return {
    key: breakdown,
    caption,
    columns: [
      i18n.t(`dashboards.columns.${breakdown}`),
      i18n.t('dashboards.columns.applications'),
      i18n.t('dashboards.columns.submitted'),
      i18n.t('dashboards.columns.eligible'),
      i18n.t('dashboards.columns.awarded'),
      i18n.t('dashboards.columns.award_rate'),
    ],
    rows: labelled.map((row) => [
      { text: row.label, csv: row.label },
      formats.count(row.drafts),
      formats.count(row.submitted),
      formats.count(row.eligible),
      formats.count(row.awarded),
      formats.share(row.awarded, row.submitted),
    ]),
    total: rows.length
      ? [
          { text: i18n.t('dashboards.columns.total'), csv: i18n.t('dashboards.columns.total') },
          formats.count(sum('drafts')),
          formats.count(sum('submitted')),
          formats.count(sum('eligible')),
          formats.count(sum('awarded')),
          formats.share(sum('awarded'), sum('submitted')),
        ]
      : undefined,
    chart: stackedBarChart({
      id: `chart-${breakdown}`,
      title: caption,
      description: i18n.t('dashboards.charts.breakdown'),
      direction: formats.direction,
      format: formats.number,
      series: [
        i18n.t('dashboards.columns.awarded'),
        i18n.t('dashboards.charts.submitted_not_awarded'),
      ],
      rows: labelled.map((row) => ({
        label: row.label,
        values: [row.awarded, row.submitted - row.awarded],
      })),
    }),
  }
}

function reviewerCells(formats: Formats, row: ReviewerRow): Cell[] {
  return [
    { text: row.name, csv: row.name, free: true },
    formats.count(row.assigned),
    formats.count(row.submitted),
    formats.count(row.submittedLate),
    formats.count(row.overdue),
    formats.days(row.averageDaysLate),
  ]
}

/**
 * The dashboards' tables (and the chart drawn from each) in the reader's language, from
 * the figures; `only` keeps some of them (a finance officer's, one CSV).
 */
export function dashboardTables(
  figures: DashboardFigures,
  i18n: I18n,
  only: readonly DashboardTableKey[] = DASHBOARD_TABLES
): DashboardTable[] {
  const formats = new Formats(i18n.locale)
  const t = (key: string) => i18n.t(`dashboards.${key}`)
  const builders: Record<DashboardTableKey, () => Omit<DashboardTable, 'html'>> = {
    funnel: () => {
      const steps = FUNNEL_STAGES.map((stage) => ({
        label: t(`stages.${stage}`),
        value: figures.funnel[stage],
      }))
      return {
        key: 'funnel',
        caption: t('tables.funnel'),
        columns: [
          t('columns.funnel_stage'),
          t('columns.applications'),
          t('columns.share_of_drafts'),
        ],
        rows: steps.map((step) => [
          { text: step.label, csv: step.label },
          formats.count(step.value),
          formats.share(step.value, figures.funnel.drafts),
        ]),
        chart: funnelChart({
          id: 'chart-funnel',
          title: t('tables.funnel'),
          description: t('charts.funnel'),
          direction: formats.direction,
          format: formats.number,
          steps,
        }),
      }
    },
    region: () => breakdownTable(i18n, formats, 'region', figures.breakdowns.region),
    stage: () => breakdownTable(i18n, formats, 'stage', figures.breakdowns.stage),
    gender: () => breakdownTable(i18n, formats, 'gender', figures.breakdowns.gender),
    age_band: () => breakdownTable(i18n, formats, 'age_band', figures.breakdowns.age_band),
    organisation_type: () =>
      breakdownTable(i18n, formats, 'organisation_type', figures.breakdowns.organisation_type),
    language: () => breakdownTable(i18n, formats, 'language', figures.breakdowns.language),
    appeals: () => {
      const outcomes = APPEAL_OUTCOMES.map((outcome) => ({
        label: t(`appeal_outcomes.${outcome}`),
        value: figures.appeals[outcome],
      }))
      return {
        key: 'appeals',
        caption: t('tables.appeals'),
        columns: [t('columns.outcome'), t('columns.appeals'), t('columns.share')],
        rows: outcomes.map((outcome) => [
          { text: outcome.label, csv: outcome.label },
          formats.count(outcome.value),
          formats.share(outcome.value, figures.appeals.lodged),
        ]),
        total: [
          { text: t('columns.total'), csv: t('columns.total') },
          formats.count(figures.appeals.lodged),
          formats.share(figures.appeals.lodged, figures.appeals.lodged),
        ],
        chart: barChart({
          id: 'chart-appeals',
          title: t('tables.appeals'),
          description: t('charts.appeals'),
          direction: formats.direction,
          format: formats.number,
          rows: outcomes,
        }),
      }
    },
    durations: () => {
      const measures = DURATION_MEASURES.map((measure) => ({
        label: t(`measures.${measure}`),
        figure: figures.durations[measure],
      }))
      return {
        key: 'durations',
        caption: t('tables.durations'),
        columns: [
          t('columns.measure'),
          t('columns.measured'),
          t('columns.median_days'),
          t('columns.p90_days'),
        ],
        rows: measures.map(({ label, figure }) => [
          { text: label, csv: label },
          formats.count(figure.count),
          formats.days(figure.median),
          formats.days(figure.p90),
        ]),
        chart: barChart({
          id: 'chart-durations',
          title: t('tables.durations'),
          description: t('charts.durations'),
          direction: formats.direction,
          format: formats.number,
          rows: measures.map(({ label, figure }) => ({ label, value: figure.median ?? 0 })),
        }),
      }
    },
    money: () => {
      const money = figures.money
      const series = [t('columns.committed'), t('columns.disbursed'), t('columns.remaining')]
      return {
        key: 'money',
        caption: t('tables.money'),
        columns: [t('columns.month'), ...series],
        rows: money.months.map((month) => [
          formats.month(month.month),
          formats.money(month.committedCentimes),
          formats.money(month.disbursedCentimes),
          formats.money(month.remainingCentimes),
        ]),
        chart: lineChart({
          id: 'chart-money',
          title: t('tables.money'),
          description: t('charts.money'),
          direction: formats.direction,
          format: (centimes) => Money.ofCentimes(Math.round(centimes)).format(i18n.locale),
          series,
          points: money.months.map((month) => ({
            label: formats.month(month.month).text,
            values: [month.committedCentimes, month.disbursedCentimes, month.remainingCentimes],
          })),
        }),
      }
    },
    reviewers: () => {
      const { rows, total } = figures.reviewers
      const shown = rows.slice(0, 10)
      return {
        key: 'reviewers',
        caption: t('tables.reviewers'),
        columns: [
          t('columns.reviewer'),
          t('columns.assigned'),
          t('columns.reviews_submitted'),
          t('columns.submitted_late'),
          t('columns.overdue'),
          t('columns.average_days_late'),
        ],
        rows: rows.map((row) => reviewerCells(formats, row)),
        total: rows.length
          ? [
              { text: t('columns.total'), csv: t('columns.total') },
              ...reviewerCells(formats, total).slice(1),
            ]
          : undefined,
        chart: stackedBarChart({
          id: 'chart-reviewers',
          title: t('tables.reviewers'),
          description: t('charts.reviewers'),
          direction: formats.direction,
          format: formats.number,
          series: [
            t('columns.on_time'),
            t('columns.submitted_late'),
            t('columns.overdue'),
            t('columns.not_due'),
          ],
          rows: shown.map((row) => ({
            label: row.name,
            values: [
              row.submitted - row.submittedLate,
              row.submittedLate,
              row.overdue,
              row.assigned - row.submitted - row.overdue,
            ],
          })),
        }),
      }
    },
  }
  const emptyText = t('empty')
  return only.map((key) => {
    const table = builders[key]() as Omit<DashboardTable, 'html'>
    return { ...table, html: dataTableHtml({ ...table, emptyText }) }
  })
}
