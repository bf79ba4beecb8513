import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { DEFAULT_PER_PAGE } from '#core/pagination'
import type { StartupStage } from '#programmes/models/programme'

/**
 * The calls open right now, soonest deadline first: one query, used by the home page,
 * the JSON API and the benchmark's baseline alike. The baseline reads this literal from
 * the source, so it stays a plain template literal; filtered lists go through
 * `openCallsQuery` below, which must select the same calls (a test holds them together).
 */
export const OPEN_CALLS_SQL = `
  SELECT c.id, c.title, c.closes_at, c.opens_at, c.envelope_centimes, c.blind_review,
         p.id AS programme_id, p.kind, p.stage, p.title AS programme_title
  FROM calls c JOIN programmes p ON p.id = c.programme_id
  WHERE c.state = 'open' AND c.opens_at <= $1 AND c.closes_at > $1
  ORDER BY c.closes_at ASC, c.id ASC
  LIMIT 50`

/** Programme kinds people apply to through a call (training goes through cohorts). */
export const CALL_KINDS = ['startup_offer', 'living_grant', 'vc_call'] as const
export type CallKind = (typeof CALL_KINDS)[number]

export interface OpenCallFilters {
  kind?: CallKind
  /** Startup Maroc offers only: other kinds have no stage. */
  stage?: StartupStage
}

export interface OpenCallRow {
  id: number
  title: Record<string, string>
  closes_at: Date
  opens_at: Date
  envelope_centimes: number
  blind_review: boolean
  programme_id: number
  kind: string
  stage: string | null
  programme_title: Record<string, string>
}

const OPEN_CALL_COLUMNS = [
  'c.id',
  'c.title',
  'c.closes_at',
  'c.opens_at',
  'c.envelope_centimes',
  'c.blind_review',
  'p.id as programme_id',
  'p.kind',
  'p.stage',
  'p.title as programme_title',
]

/** The open-now calls matching the filters, soonest deadline first (not yet limited). */
export function openCallsQuery(now: DateTime, filters: OpenCallFilters = {}) {
  const at = now.toJSDate()
  return db
    .from('calls as c')
    .join('programmes as p', 'p.id', 'c.programme_id')
    .select(OPEN_CALL_COLUMNS)
    .where('c.state', 'open')
    .where('c.opens_at', '<=', at)
    .where('c.closes_at', '>', at)
    .if(filters.kind, (query) => query.where('p.kind', filters.kind!))
    .if(filters.stage, (query) => query.where('p.stage', filters.stage!))
    .orderBy('c.closes_at', 'asc')
    .orderBy('c.id', 'asc')
}

/** At most 50 open calls, optionally of one kind and (Startup Maroc offers) one stage. */
export async function listOpenCalls(
  now: DateTime = DateTime.utc(),
  filters: OpenCallFilters = {}
): Promise<OpenCallRow[]> {
  if (filters.kind || filters.stage) {
    return (await openCallsQuery(now, filters).limit(50)) as OpenCallRow[]
  }
  const result = await db.rawQuery<{ rows: OpenCallRow[] }>(OPEN_CALLS_SQL.replaceAll('$1', '?'), [
    now.toJSDate(),
    now.toJSDate(),
  ])
  return result.rows
}

/**
 * One page of the public catalogue: the open calls people apply to (no training),
 * with the total for the result count. Two queries (count, page) whatever the page size.
 */
export async function paginateOpenCalls(
  filters: OpenCallFilters,
  page: number,
  perPage: number,
  now: DateTime = DateTime.utc()
) {
  return openCallsQuery(now, filters)
    .whereIn('p.kind', [...CALL_KINDS])
    .paginate(page, perPage)
}

/**
 * One page of the open calls for the API. The usual request (first page of 50, nothing
 * filtered) stays the single query the benchmark's baseline runs (OPEN_CALLS_SQL, limited
 * to 50): a count is only needed when that page comes back full.
 */
export async function pageOfOpenCalls(
  filters: OpenCallFilters,
  page: number,
  perPage: number,
  now: DateTime = DateTime.utc()
) {
  if (page === 1 && perPage === DEFAULT_PER_PAGE && !filters.kind && !filters.stage) {
    const rows = await listOpenCalls(now)
    if (rows.length < perPage) return new SimplePaginator(rows.length, perPage, 1, ...rows)
  }
  return openCallsQuery(now, filters).paginate(page, perPage)
}
