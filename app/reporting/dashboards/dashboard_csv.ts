import type { HttpContext } from '@adonisjs/core/http'
import { UTF8_BOM, csvLine } from '#core/csv'
import type { DashboardTable } from '#reporting/dashboards/dashboard_tables'

/** A dashboard table as CSV: the headers in the reader's language, plain figures. */
export function dashboardCsv(table: DashboardTable) {
  const rows = table.total ? [...table.rows, table.total] : table.rows
  return (
    UTF8_BOM +
    csvLine(table.columns) +
    rows.map((cells) => csvLine(cells.map((cell) => cell.csv))).join('')
  )
}

/** `dashboard-region-call-12-2026-01-2026-06.csv`: what the file holds, in its name. */
export function dashboardCsvName(
  key: string,
  filters: { callId?: number; programmeId?: number; from?: string; to?: string; region?: string }
) {
  const parts = [`dashboard-${key}`]
  if (filters.programmeId) parts.push(`programme-${filters.programmeId}`)
  if (filters.callId) parts.push(`call-${filters.callId}`)
  if (filters.region) parts.push(filters.region)
  if (filters.from) parts.push(filters.from)
  if (filters.to) parts.push(filters.to)
  return `${parts.join('-')}.csv`
}

/** Sends a CSV as a download that no cache keeps and no browser sniffs. */
export function sendCsv(response: HttpContext['response'], fileName: string, body: string) {
  response.header('Content-Type', 'text/csv; charset=utf-8')
  response.header('Cache-Control', 'private, no-store')
  response.header('X-Content-Type-Options', 'nosniff')
  response.header('Content-Disposition', `attachment; filename="${fileName}"`)
  return body
}
