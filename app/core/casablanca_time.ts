import { DateTime } from 'luxon'
import { intlTagOf } from '#core/i18n/locales'

/**
 * Programme deadlines are Moroccan legal time. Instants are stored in UTC
 * (timestamptz); they are entered, shown and enforced in Africa/Casablanca, whose
 * offset changes (UTC+1, UTC+0 around Ramadan): the tz database decides, never a
 * fixed offset.
 */
export const CASABLANCA = 'Africa/Casablanca'

export function nowInCasablanca() {
  return DateTime.now().setZone(CASABLANCA)
}

export function inCasablanca(value: DateTime | Date) {
  return (value instanceof Date ? DateTime.fromJSDate(value) : value).setZone(CASABLANCA)
}

/**
 * Reads a wall-clock time typed in Casablanca ("2026-03-01T17:00", as an
 * <input type="datetime-local"> sends it) and returns the instant, in UTC.
 * Returns null for text that is not a date-time, or a time that does not exist
 * in Casablanca (skipped by a clock change).
 */
export function fromCasablancaInput(input: string): DateTime | null {
  const local = DateTime.fromISO(input, { zone: CASABLANCA })
  if (!local.isValid) return null
  // Luxon shifts a non-existent wall time forward; refuse it rather than guess.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== input.slice(0, 16)) return null
  return local.toUTC()
}

/** The value for an <input type="datetime-local"> showing this instant in Casablanca. */
export function toCasablancaInput(value: DateTime | Date) {
  return inCasablanca(value).toFormat("yyyy-MM-dd'T'HH:mm")
}

/** Whether `deadline` has passed at `now` (the server clock by default). */
export function hasPassed(deadline: DateTime | Date, now: DateTime = DateTime.now()) {
  return now.toMillis() > inCasablanca(deadline).toMillis()
}

/** Options of each style, as Luxon names them (DATE_FULL, DATETIME_MED with the zone). */
const STYLES = {
  date: DateTime.DATE_FULL,
  datetime: { ...DateTime.DATETIME_MED, timeZoneName: 'short' },
} as const

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * Texts already made, per locale, style and instant: a listing shows the same deadlines
 * and cohort dates to every visitor, and formatting in a named zone is the dearest part
 * of a catalogue card (a twentieth of the page). Bounded; emptied when full.
 */
const texts = new Map<string, string>()
const MAX_TEXTS = 20_000

/**
 * A date or date-time in the reader's language, always in Casablanca time, with its zone.
 * One Intl formatter per locale and style, reused: the same text as Luxon's
 * `toLocaleString`, without its per-call zone work (a tenth of a millisecond a date,
 * a sixth of a listing page).
 */
export function formatCasablanca(
  value: DateTime | Date,
  locale: string,
  style: 'date' | 'datetime' = 'datetime'
) {
  const key = `${locale}|${style}`
  const instant = value instanceof Date ? value.getTime() : value.toMillis()
  const textKey = `${key}|${instant}`
  const known = texts.get(textKey)
  if (known !== undefined) return known
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(intlTagOf(locale), { ...STYLES[style], timeZone: CASABLANCA })
    formats.set(key, format)
  }
  if (texts.size >= MAX_TEXTS) texts.clear()
  const text = format.format(instant)
  texts.set(textKey, text)
  return text
}
