/*
| Calendar dates as 'YYYY-MM-DD' strings, the way submitted answers hold them. Such strings
| sort like the dates they name, so the evaluator compares them as strings; the arithmetic
| here (integers only, no time zone, no Date) runs once per rule set and context.
*/

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

function daysInMonth(year: number, month: number) {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]
}

/** A real calendar day written 'YYYY-MM-DD' (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const month = Number(match[2])
  const day = Number(match[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month)
}

/** Cheap shape test for answers already validated as dates on submission. */
export function looksLikeIsoDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length === 10 &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45
  )
}

// Days since 1970-01-01 and back, for any proleptic Gregorian year (H. Hinnant's algorithms).
function daysFromCivil(year: number, month: number, day: number) {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shifted = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1
  const month = shifted < 10 ? shifted + 3 : shifted - 9
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day]
}

function format(year: number, month: number, day: number) {
  const yyyy = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0')
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export interface DateOffset {
  years?: number
  months?: number
  days?: number
}

/**
 * The date `offset` before (direction -1) or after (+1) `iso`. Years and months move first
 * and a day past the end of the month falls back to its last day (2028-02-29 − 5 years is
 * 2023-02-28), then days move: Luxon's `minus` / `plus` on dates.
 */
export function shiftIsoDate(iso: string, offset: DateOffset, direction: 1 | -1): string {
  const match = ISO_DATE.exec(iso)
  if (!match) throw new RangeError(`"${iso}" is not a YYYY-MM-DD date`)
  const months =
    Number(match[1]) * 12 +
    (Number(match[2]) - 1) +
    direction * ((offset.years ?? 0) * 12 + (offset.months ?? 0))
  const year = Math.floor(months / 12)
  const month = months - year * 12 + 1
  const day = Math.min(Number(match[3]), daysInMonth(year, month))
  if (!offset.days) return format(year, month, day)
  return format(...civilFromDays(daysFromCivil(year, month, day) + direction * offset.days))
}
