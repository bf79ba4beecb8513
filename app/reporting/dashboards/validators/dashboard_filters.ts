import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import { DASHBOARD_TABLES } from '#reporting/dashboards/dashboard_tables'
import type { DashboardFilters } from '#reporting/dashboards/dashboard_figures'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const id = () => vine.number().positive().withoutDecimals().max(2_147_483_647).optional()

const filterFields = {
  programme: id(),
  call: id(),
  from: vine.string().regex(MONTH).optional(),
  to: vine.string().regex(MONTH).optional(),
  region: vine.enum(MOROCCAN_REGIONS).optional(),
}

/** Field names and messages in the reader's language (dashboards.json, `validator`). */
export function dashboardMessages(i18n: I18n) {
  return i18n.createMessagesProvider('dashboards.validator')
}

/** The dashboards' filters, from the query string (empty fields already left out). */
export const dashboardFiltersValidator = vine.create(filterFields)

/** A CSV export: which table, within the same filters. */
export const dashboardExportValidator = vine.create({
  ...filterFields,
  table: vine.enum(DASHBOARD_TABLES.filter((table) => table !== 'reviewers')),
})

/** Validated fields as the figures take them; a period given backwards is put right. */
export function filtersOf(input: {
  programme?: number
  call?: number
  from?: string
  to?: string
  region?: string
}): DashboardFilters {
  let { from, to } = input
  if (from && to && from > to) [from, to] = [to, from]
  return { programmeId: input.programme, callId: input.call, from, to, region: input.region }
}

/** The filters as they go back into a URL (export links). */
export function filtersQueryString(filters: DashboardFilters) {
  const qs: Record<string, string> = {}
  if (filters.programmeId) qs.programme = String(filters.programmeId)
  if (filters.callId) qs.call = String(filters.callId)
  if (filters.from) qs.from = filters.from
  if (filters.to) qs.to = filters.to
  if (filters.region) qs.region = filters.region
  return qs
}
