/**
 * Server-rendered SVG charts (bar, stacked bar, line over time, funnel), pure functions
 * returning markup. Every chart is an image with a title and a description
 * (role="img", aria-labelledby), tells series apart by pattern and by label, not by
 * colour alone, and mirrors its axis in right-to-left languages (bars grow from the
 * reading side, time runs the reading way). The figures themselves go in the table
 * printed under the chart (app/reporting/charts/data_table.ts).
 */

export type Direction = 'ltr' | 'rtl'

interface ChartBase {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string
  title: string
  description: string
  direction: Direction
  /** How a value is written in labels (locale-aware number or money). */
  format: (value: number) => string
}

export interface BarChart extends ChartBase {
  rows: { label: string; value: number }[]
}

export interface StackedBarChart extends ChartBase {
  series: string[]
  rows: { label: string; values: number[] }[]
}

export interface LineChart extends ChartBase {
  series: string[]
  points: { label: string; values: number[] }[]
}

export interface FunnelChart extends ChartBase {
  steps: { label: string; value: number }[]
}

const WIDTH = 640
const LABEL_WIDTH = 180
const VALUE_WIDTH = 110
const ROW_HEIGHT = 28
const BAR_HEIGHT = 18
/** Fills with at least 3:1 contrast against white, each paired with a pattern. */
const COLOURS = ['#0b5d46', '#1d4ed8', '#9a3412', '#6b21a8', '#374151', '#a61e24']
const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'vertical', 'horizontal'] as const

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text placed in the SVG (labels come from data typed by people). */
export function escapeSvg(raw: string) {
  return raw.replace(/[&<>"']/g, (character) => ESCAPES[character])
}

function round(value: number) {
  return Math.round(value * 10) / 10
}

/** The x of a point laid out left to right, mirrored for right-to-left readers. */
function placeX(x: number, direction: Direction) {
  return round(direction === 'rtl' ? WIDTH - x : x)
}

/** A rectangle from x to x + width, mirrored as a whole in right-to-left. */
function rect(x: number, width: number, y: number, height: number, direction: Direction) {
  const left = direction === 'rtl' ? WIDTH - x - width : x
  return `x="${round(left)}" y="${round(y)}" width="${round(Math.max(width, 0))}" height="${height}"`
}

function patternDefs(id: string, count: number) {
  return Array.from({ length: count }, (_, index) => {
    const colour = COLOURS[index % COLOURS.length]
    const kind = PATTERNS[index % PATTERNS.length]
    const marks: Record<(typeof PATTERNS)[number], string> = {
      solid: '',
      diagonal: `<path d="M0 8 L8 0" stroke="#fff" stroke-width="2"/>`,
      dots: `<circle cx="4" cy="4" r="1.6" fill="#fff"/>`,
      cross: `<path d="M0 4 H8 M4 0 V8" stroke="#fff" stroke-width="1.5"/>`,
      vertical: `<path d="M4 0 V8" stroke="#fff" stroke-width="2"/>`,
      horizontal: `<path d="M0 4 H8" stroke="#fff" stroke-width="2"/>`,
    }
    return `<pattern id="${id}-p${index}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${colour}"/>${marks[kind]}</pattern>`
  }).join('')
}

function fill(id: string, index: number) {
  return `url(#${id}-p${index})`
}

function open(chart: ChartBase, height: number, defs: string) {
  const titleId = `${chart.id}-title`
  const descId = `${chart.id}-desc`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}"` +
    ` width="${WIDTH}" height="${height}" direction="${chart.direction}"` +
    // The text colour, inherited by every label (shapes all set their own fill).
    ` aria-labelledby="${titleId} ${descId}" font-size="13" font-family="inherit" fill="#1f2937">` +
    `<title id="${titleId}">${escapeSvg(chart.title)}</title>` +
    `<desc id="${descId}">${escapeSvg(chart.description)}</desc>` +
    `<defs>${defs}</defs>`
  )
}

/** A label; its colour comes from the <svg>, and "start" is the default anchor. */
function text(x: number, y: number, anchor: 'start' | 'end' | 'middle', content: string) {
  const anchoring = anchor === 'start' ? '' : ` text-anchor="${anchor}"`
  return `<text x="${x}" y="${round(y)}"${anchoring}>${escapeSvg(content)}</text>`
}

/** A legend row: pattern swatch then label, laid out in the reading direction. */
function legend(chart: ChartBase, series: string[], y: number) {
  let x = 0
  return series
    .map((label, index) => {
      const swatch = `<rect ${rect(x, 14, y - 11, 14, chart.direction)} fill="${fill(chart.id, index)}" stroke="#1f2937" stroke-width="0.5"/>`
      const caption = text(placeX(x + 20, chart.direction), y, 'start', label)
      x += 30 + Math.min(label.length, 24) * 7.5
      return swatch + caption
    })
    .join('')
}

function emptyChart(chart: ChartBase, message = '—') {
  return `${open(chart, 40, '')}${text(WIDTH / 2, 25, 'middle', message)}</svg>`
}

/** Horizontal bars, one per row, the value written at the end of each bar. */
export function barChart(chart: BarChart) {
  if (!chart.rows.length) return emptyChart(chart)
  const largest = Math.max(...chart.rows.map((row) => row.value), 1)
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const height = chart.rows.length * ROW_HEIGHT + 8
  const bars = chart.rows.map((row, index) => {
    const y = 4 + index * ROW_HEIGHT
    const width = (row.value / largest) * span
    return (
      text(placeX(LABEL_WIDTH - 8, chart.direction), y + 14, 'end', row.label) +
      `<rect ${rect(LABEL_WIDTH, width, y, BAR_HEIGHT, chart.direction)} fill="${fill(chart.id, 0)}"/>` +
      text(
        placeX(LABEL_WIDTH + width + 6, chart.direction),
        y + 14,
        'start',
        chart.format(row.value)
      )
    )
  })
  return `${open(chart, height, patternDefs(chart.id, 1))}${bars.join('')}</svg>`
}

/** Horizontal bars split into series (patterned), with a legend and each row's total. */
export function stackedBarChart(chart: StackedBarChart) {
  if (!chart.rows.length) return emptyChart(chart)
  const totals = chart.rows.map((row) => row.values.reduce((sum, value) => sum + value, 0))
  const largest = Math.max(...totals, 1)
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const top = 28
  const height = top + chart.rows.length * ROW_HEIGHT + 8
  const bars = chart.rows.map((row, index) => {
    const y = top + index * ROW_HEIGHT
    let x = LABEL_WIDTH
    const segments = row.values.map((value, series) => {
      const width = (value / largest) * span
      const segment = `<rect ${rect(x, width, y, BAR_HEIGHT, chart.direction)} fill="${fill(chart.id, series)}" stroke="#fff" stroke-width="0.5"/>`
      x += width
      return segment
    })
    return (
      text(placeX(LABEL_WIDTH - 8, chart.direction), y + 14, 'end', row.label) +
      segments.join('') +
      text(placeX(x + 6, chart.direction), y + 14, 'start', chart.format(totals[index]))
    )
  })
  return (
    open(chart, height, patternDefs(chart.id, chart.series.length)) +
    legend(chart, chart.series, 16) +
    bars.join('') +
    '</svg>'
  )
}

/** Lines over time, one per series, with markers of a distinct shape per series. */
export function lineChart(chart: LineChart) {
  if (!chart.points.length) return emptyChart(chart)
  const top = 30
  const plotHeight = 200
  // Room for money on the value axis and for a month under each end of the time axis.
  const left = 150
  const right = 45
  const height = top + plotHeight + 40
  const largest = Math.max(...chart.points.flatMap((point) => point.values), 1)
  const step = chart.points.length > 1 ? (WIDTH - left - right) / (chart.points.length - 1) : 0
  const xOf = (index: number) =>
    placeX(
      left + (chart.points.length > 1 ? index * step : (WIDTH - left - right) / 2),
      chart.direction
    )
  const yOf = (value: number) => round(top + plotHeight - (value / largest) * plotHeight)
  const axis =
    `<line x1="${placeX(left, chart.direction)}" x2="${placeX(WIDTH - right, chart.direction)}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#6b7280"/>` +
    text(placeX(left - 6, chart.direction), top + 4, 'end', chart.format(largest)) +
    text(placeX(left - 6, chart.direction), top + plotHeight, 'end', chart.format(0))
  // At most ~8 labels on the time axis, always the first and the last.
  const every = Math.max(1, Math.ceil(chart.points.length / 8))
  const ticks = chart.points
    .map((point, index) =>
      index % every === 0 || index === chart.points.length - 1
        ? text(xOf(index), top + plotHeight + 18, 'middle', point.label)
        : ''
    )
    .join('')
  const markers = ['circle', 'square', 'triangle', 'diamond']
  const lines = chart.series.map((_, series) => {
    const colour = COLOURS[series % COLOURS.length]
    const dash = ['', '6 3', '2 3', '10 3 2 3'][series % 4]
    const path = chart.points.map(
      (point, index) => `${xOf(index)},${yOf(point.values[series] ?? 0)}`
    )
    const marks = chart.points.map((point, index) => {
      const x = xOf(index)
      const y = yOf(point.values[series] ?? 0)
      switch (markers[series % markers.length]) {
        case 'square':
          return `<rect x="${round(x - 3.5)}" y="${round(y - 3.5)}" width="7" height="7" fill="${colour}"/>`
        case 'triangle':
          return `<path d="M${x} ${round(y - 4.5)} L${round(x + 4.5)} ${round(y + 3.5)} L${round(x - 4.5)} ${round(y + 3.5)} Z" fill="${colour}"/>`
        case 'diamond':
          return `<path d="M${x} ${round(y - 5)} L${round(x + 5)} ${y} L${x} ${round(y + 5)} L${round(x - 5)} ${y} Z" fill="${colour}"/>`
        default:
          return `<circle cx="${x}" cy="${y}" r="3.5" fill="${colour}"/>`
      }
    })
    return (
      `<polyline points="${path.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
      marks.join('')
    )
  })
  const key = chart.series
    .map((label, series) => {
      const x = 0 + series * 200
      const colour = COLOURS[series % COLOURS.length]
      const dash = ['', '6 3', '2 3', '10 3 2 3'][series % 4]
      return (
        `<line x1="${placeX(x, chart.direction)}" x2="${placeX(x + 24, chart.direction)}" y1="12" y2="12" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
        text(placeX(x + 30, chart.direction), 16, 'start', label)
      )
    })
    .join('')
  return `${open(chart, height, '')}${key}${axis}${ticks}${lines.join('')}</svg>`
}

/** A funnel: one centred bar per step, narrowing, with the count and the share of the first. */
export function funnelChart(chart: FunnelChart) {
  if (!chart.steps.length) return emptyChart(chart)
  const first = Math.max(chart.steps[0].value, 1)
  const largest = Math.max(...chart.steps.map((step) => step.value), 1)
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const height = chart.steps.length * ROW_HEIGHT + 8
  const centre = LABEL_WIDTH + span / 2
  const steps = chart.steps.map((step, index) => {
    const y = 4 + index * ROW_HEIGHT
    const width = (step.value / largest) * span
    const share = Math.round((step.value / first) * 100)
    return (
      text(placeX(LABEL_WIDTH - 8, chart.direction), y + 14, 'end', step.label) +
      `<rect ${rect(centre - width / 2, width, y, BAR_HEIGHT, chart.direction)} fill="${fill(chart.id, 0)}"/>` +
      text(
        placeX(LABEL_WIDTH + span + 6, chart.direction),
        y + 14,
        'start',
        `${chart.format(step.value)} (${chart.format(share)} %)`
      )
    )
  })
  return `${open(chart, height, patternDefs(chart.id, 1))}${steps.join('')}</svg>`
}
