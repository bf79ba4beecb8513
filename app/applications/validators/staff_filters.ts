import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { APPLICATION_STATES } from '#applications/application_lifecycle'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'

/**
 * The filters of an officer's list of a call's applications, read from the query string
 * (the list page, its pagination links and the CSV export share them).
 */
export const staffFiltersValidator = vine.create({
  state: vine.enum(APPLICATION_STATES).optional(),
  region: vine.enum(MOROCCAN_REGIONS).optional(),
  q: vine.string().trim().maxLength(120).optional(),
  drafts: vine.boolean().optional(),
  page: vine.number().positive().withoutDecimals().max(100_000).optional(),
})

export type StaffFilters = Omit<Infer<typeof staffFiltersValidator>, 'page'>

/**
 * A filter form sends its empty choices (`?state=&region=`): they mean "any", so they are
 * dropped before validation rather than refused as unknown states.
 */
export function filledQueryString(qs: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(qs).filter(([, value]) => value !== '' && value !== null && value !== undefined)
  )
}

/** The filters as they go back into a URL (pagination, export link, audit metadata). */
export function filtersQueryString(filters: StaffFilters) {
  const qs: Record<string, string> = {}
  if (filters.state) qs.state = filters.state
  if (filters.region) qs.region = filters.region
  if (filters.q) qs.q = filters.q
  if (filters.drafts) qs.drafts = '1'
  return qs
}
