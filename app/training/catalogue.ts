import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { DateTime } from 'luxon'
import type { LocalizedText } from '#core/i18n/localized_text'
import Cohort from '#training/models/cohort'

export const TRACKS = ['ai', 'data_science', 'cloud', 'cybersecurity'] as const
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const
export const COURSE_LANGUAGES = ['fr', 'ar', 'zgh', 'en'] as const
export const MODES = ['on_site', 'online'] as const

export interface CatalogueFilters {
  region?: string
  track?: string
  language?: string
  /** 'YYYY-MM-DD': cohorts starting on or after / on or before. */
  from?: string
  to?: string
}

/**
 * The cohorts open for enrolment right now, soonest start first, one page of them and
 * the total in ONE query whatever the page size (a window count). Filters left out
 * (null) match everything. The bench's bare baseline reads this literal from the
 * source, so it stays a plain template literal.
 * $1 now, $2 region, $3 track, $4 language, $5 from, $6 to, $7 limit, $8 offset.
 */
export const OPEN_COHORTS_SQL = `
  SELECT ch.id, ch.starts_on::text AS starts_on, ch.ends_on::text AS ends_on,
         ch.enrolment_closes_at, ch.mode, ch.selection,
         ch.capacity - ch.seats_taken AS seats_left,
         c.title, c.track, c.level, c.language, c.hours,
         i.name AS institute, i.city, i.region,
         count(*) OVER () AS total
  FROM cohorts ch
  JOIN courses c ON c.id = ch.course_id
  JOIN institutes i ON i.id = ch.institute_id
  WHERE ch.state = 'open' AND ch.enrolment_closes_at > $1
    AND ($2::text IS NULL OR i.region = $2)
    AND ($3::text IS NULL OR c.track = $3)
    AND ($4::text IS NULL OR c.language = $4)
    AND ($5::date IS NULL OR ch.starts_on >= $5::date)
    AND ($6::date IS NULL OR ch.starts_on <= $6::date)
  ORDER BY ch.starts_on ASC, ch.id ASC
  LIMIT $7 OFFSET $8`

export interface OpenCohortRow {
  id: number
  starts_on: string
  ends_on: string
  enrolment_closes_at: Date
  mode: string
  selection: string
  seats_left: number
  title: LocalizedText
  track: string
  level: string
  language: string
  hours: number
  institute: string
  city: string
  region: string
  total: number
}

/** Numbered placeholders ($1, reused) as the positional `?` bindings Lucid's raw queries take. */
function positional(sql: string, params: unknown[]) {
  const bindings: unknown[] = []
  const text = sql.replace(/\$(\d+)/g, (_, index) => {
    bindings.push(params[Number(index) - 1])
    return '?'
  })
  return { text, bindings }
}

/** One page of the public catalogue, as a Lucid paginator (the pagination component reads it). */
export async function paginateOpenCohorts(
  filters: CatalogueFilters,
  page: number,
  perPage: number,
  now: DateTime = DateTime.utc()
) {
  const { text, bindings } = positional(OPEN_COHORTS_SQL, [
    now.toJSDate(),
    filters.region ?? null,
    filters.track ?? null,
    filters.language ?? null,
    filters.from ?? null,
    filters.to ?? null,
    perPage,
    (page - 1) * perPage,
  ])
  const result = await db.rawQuery<{ rows: OpenCohortRow[] }>(text, bindings)
  const total = result.rows[0]?.total ?? 0
  return new SimplePaginator(total, perPage, page, ...result.rows)
}

/**
 * A calendar date of the cohort ('YYYY-MM-DD') for formatDate: noon UTC is that same day
 * in Casablanca (UTC+0 or +1), and a plain Date spares Luxon's zone work on every card.
 */
export function calendarDay(iso: string) {
  return new Date(`${iso}T12:00:00Z`)
}

/**
 * A cohort's public page: the cohort (with its course and institute), its sessions in
 * order and the length of its waitlist; drafts are not public (null). Three queries.
 */
export async function findPublicCohort(id: number) {
  const cohort = await Cohort.query()
    .where('id', id)
    .whereNot('state', 'draft')
    .preload('course')
    .preload('institute')
    .preload('sessions', (sessions) => sessions.orderBy('starts_at', 'asc').orderBy('id', 'asc'))
    .first()
  if (!cohort) return null
  const waiting = await db
    .from('enrolments')
    .where({ cohort_id: id, state: 'waitlisted' })
    .count('* as count')
    .first()
  return { cohort, waitlistLength: Number(waiting?.count ?? 0) }
}
