import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import { CASABLANCA } from '#core/casablanca_time'
import { recordId } from '#core/validators/record_id'

const isoDate = () =>
  vine.date({ formats: ['YYYY-MM-DD'] }).transform((date) => DateTime.fromJSDate(date).toISODate()!)

/**
 * The audit log's filters, read from the query string (the page, its pagination links and
 * the auditor's CSV share them). Dates are Casablanca days, both ends included.
 */
export const auditLogFiltersValidator = vine.create({
  action: vine.string().trim().maxLength(64).optional(),
  subjectType: vine.string().trim().maxLength(64).optional(),
  subjectId: vine.string().trim().maxLength(64).optional(),
  actorId: recordId().optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  page: vine.number().positive().withoutDecimals().max(100_000).optional(),
})

export type AuditLogFilters = Omit<Infer<typeof auditLogFiltersValidator>, 'page'>

interface Filterable {
  where(column: string, operator: string, value: unknown): this
}

/** Narrows an audit_logs query (model or plain) to the filters. */
export function whereAuditFilters<Query extends Filterable>(
  query: Query,
  filters: AuditLogFilters
) {
  const day = (iso: string) => DateTime.fromISO(iso, { zone: CASABLANCA }).startOf('day')
  if (filters.action) query.where('action', '=', filters.action)
  if (filters.subjectType) query.where('subject_type', '=', filters.subjectType)
  if (filters.subjectId) query.where('subject_id', '=', filters.subjectId)
  if (filters.actorId) query.where('actor_id', '=', filters.actorId)
  if (filters.from) query.where('created_at', '>=', day(filters.from).toJSDate())
  if (filters.to) query.where('created_at', '<', day(filters.to).plus({ days: 1 }).toJSDate())
  return query
}

/** The filters as they go back into a URL (pagination, export link) or audit metadata. */
export function auditFiltersQueryString(filters: AuditLogFilters) {
  return Object.fromEntries(
    Object.entries(filters).filter(([key, value]) => key !== 'page' && value !== undefined)
  ) as Record<string, string | number>
}
