import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import { COURSE_LANGUAGES, TRACKS, type CatalogueFilters } from '#training/catalogue'

const isoDate = () =>
  vine.date({ formats: ['YYYY-MM-DD'] }).transform((date) => DateTime.fromJSDate(date).toISODate()!)

/** The catalogue's filter form (GET); empty fields mean "any". */
export const cohortFiltersValidator = vine.create({
  region: vine.enum(MOROCCAN_REGIONS).optional(),
  track: vine.enum(TRACKS).optional(),
  language: vine.enum(COURSE_LANGUAGES).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

/**
 * What the page filters by. A hand-edited query string narrows nothing rather than
 * failing the page: each filter that does not validate alone is dropped.
 */
export async function cohortFilters(query: Record<string, unknown>) {
  const filled = Object.fromEntries(
    Object.entries(query).filter(([, value]) => typeof value === 'string' && value !== '')
  )
  const [error, payload] = await cohortFiltersValidator.tryValidate(filled)
  if (!error) return { filters: filtersOf(payload), page: payload.page ?? 1 }
  const invalid = new Set(error.messages.map((message: { field: string }) => message.field))
  const kept = Object.fromEntries(Object.entries(filled).filter(([key]) => !invalid.has(key)))
  const [, retried] = await cohortFiltersValidator.tryValidate(kept)
  return { filters: filtersOf(retried ?? {}), page: retried?.page ?? 1 }
}

function filtersOf(payload: CatalogueFilters & { page?: number }): CatalogueFilters {
  const { region, track, language, from, to } = payload
  return Object.fromEntries(
    Object.entries({ region, track, language, from, to }).filter(([, value]) => value)
  ) as CatalogueFilters
}
