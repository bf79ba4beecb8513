import db from '@adonisjs/lucid/services/db'
import type { ChainableContract } from '@adonisjs/lucid/types/querybuilder'
import Application from '#applications/models/application'
import { APPLICATION_STATES, type ApplicationState } from '#applications/application_lifecycle'
import type { StaffFilters } from '#applications/validators/staff_filters'

export const STAFF_PAGE_SIZE = 25

/**
 * Officers work on what was submitted: drafts are someone's unfinished work, shown only
 * when asked for (the "include drafts" toggle, or filtering on the draft state).
 */
export function showsDrafts(filters: StaffFilters) {
  return filters.drafts === true || filters.state === 'draft'
}

/** Search words as a prefix tsquery (`argan:* & ai:*`); only letters and digits get through. */
function prefixTsQuery(text: string) {
  const words = text
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
  return words.map((word) => `${word}:*`).join(' & ')
}

/** `2026-0001`, `SM-2026`, `000123`: a piece of a reference number, found with ILIKE. */
const REFERENCE_FRAGMENT = /^(?=.*\d)[A-Za-z0-9-]+$/

/**
 * Restricts a query on `applications` to one call and the officer's filters. The text
 * search goes through the `applications_search` GIN index (words of the name, by prefix);
 * what looks like a piece of a reference number is also matched with ILIKE, since the
 * tokenizer cuts references into odd pieces (`-000123`).
 * `byState: false` leaves the state filter out, for the per-state counts.
 */
export function whereMatchesFilters<Query extends ChainableContract>(
  query: Query,
  callId: number,
  filters: StaffFilters,
  { byState = true } = {}
): Query {
  query.where('applications.call_id', callId)
  if (byState && filters.state) query.where('applications.state', filters.state)
  if (!showsDrafts(filters)) query.whereNot('applications.state', 'draft')
  if (filters.region) query.where('applications.region', filters.region)
  const text = filters.q?.trim()
  if (text) {
    const tsQuery = prefixTsQuery(text)
    const fullText = `to_tsvector('simple', coalesce(applications.reference, '') || ' ' || coalesce(applications.title, '')) @@ to_tsquery('simple', ?)`
    if (REFERENCE_FRAGMENT.test(text)) {
      const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`
      query.where((match) => {
        match.whereILike('applications.reference', pattern)
        if (tsQuery) match.orWhereRaw(fullText, [tsQuery])
      })
    } else if (tsQuery) {
      query.whereRaw(fullText, [tsQuery])
    } else {
      // Only punctuation: nothing can match.
      query.whereRaw('false')
    }
  }
  return query
}

/** One page of the list, newest submissions first (2 queries: the count and the rows). */
export function staffApplicationsPage(callId: number, filters: StaffFilters, page: number) {
  return whereMatchesFilters(Application.query(), callId, filters)
    .select('id', 'reference', 'title', 'region', 'state', 'submitted_at', 'organization_id')
    .orderByRaw('applications.submitted_at desc nulls last, applications.id desc')
    .paginate(page, STAFF_PAGE_SIZE)
}

export interface StateCount {
  state: ApplicationState
  count: number
}

/**
 * How many applications of the call are in each state, under the other filters (1 query),
 * in lifecycle order; states with none are left out.
 */
export async function stateCounts(callId: number, filters: StaffFilters): Promise<StateCount[]> {
  const rows: Array<{ state: ApplicationState; total: string | number }> =
    await whereMatchesFilters(db.from('applications'), callId, filters, { byState: false })
      .select('state')
      .count('* as total')
      .groupBy('state')
  const byState = new Map(rows.map((row) => [row.state, Number(row.total)]))
  return APPLICATION_STATES.filter((state) => byState.has(state)).map((state) => ({
    state,
    count: byState.get(state)!,
  }))
}
