import { Money } from '#core/money'
import type { IndicatorUnit } from '#reporting/scoreboard/indicators'

/** Targets beyond this (in the unit's storage) are typing mistakes. */
const MAX_STORED = 10_000_000_000_000

/**
 * A target as an admin types it, in the indicator's unit, to its stored integer: a whole
 * count ("100 000"), dirhams ("1 500 000 000" → centimes), a ratio ("4,5" → 450) or a
 * percentage ("30" → 3000) with at most two decimals. Null when it is not one, or not
 * above zero.
 */
export function parseTargetValue(unit: IndicatorUnit, typed: string): number | null {
  const text = typed.replace(/[\s\u00a0\u202f]/g, '')
  let stored: number | null = null
  if (unit === 'mad') stored = Money.parse(text)?.centimes ?? null
  else if (unit === 'count') stored = /^\d+$/.test(text) ? Number(text) : null
  else {
    const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text)
    stored = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null
  }
  return stored !== null && Number.isSafeInteger(stored) && stored > 0 && stored <= MAX_STORED
    ? stored
    : null
}

/** The stored integer back as it would be typed (the form's value). */
export function targetInputValue(unit: IndicatorUnit, stored: number) {
  const grouped = (whole: number) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  if (unit === 'count') return grouped(stored)
  const whole = Math.trunc(stored / 100)
  const rest = stored % 100
  return rest === 0 ? grouped(whole) : `${grouped(whole)},${String(rest).padStart(2, '0')}`
}
