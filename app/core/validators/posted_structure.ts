import { LOCALES } from '#core/i18n/locales'
import type { LocalizedText } from '#core/i18n/localized_text'

/*
| Readers for the nested structures the visual editors post (form builder, rules builder):
| any shape is read without failing, lists and texts are bounded, and what is not of the
| expected kind reads as empty. The checker of the definition then says what is wrong.
*/

/** The longest text an editor keeps from one input. */
export const POSTED_TEXT_LIMIT = 2000

export const isRecord = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A posted list: an array, or an object with numeric keys (long lists, sparse indices). */
export function listOf(value: unknown, max: number): unknown[] {
  if (Array.isArray(value)) return value.slice(0, max)
  if (!isRecord(value)) return []
  return Object.keys(value)
    .filter((key) => /^\d{1,4}$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .slice(0, max)
    .map((key) => value[key])
}

/** A posted text, trimmed and bounded; a finite number reads as its digits. */
export function textOf(value: unknown, max: number = POSTED_TEXT_LIMIT): string {
  if (typeof value === 'string') return value.trim().slice(0, max)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

/** A text per locale (`label[fr]`, `label[ar]` …), only the locales typed in. */
export function localizedOf(value: unknown): LocalizedText {
  const text: LocalizedText = {}
  if (!isRecord(value)) return text
  for (const locale of LOCALES) {
    const typed = textOf(value[locale])
    if (typed) text[locale] = typed
  }
  return text
}

/** `prefix_N` with the first N (from the list's length + 1) no other item uses. */
export function freshKey(prefix: string, taken: string[]) {
  for (let n = taken.length + 1; ; n++) {
    if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`
  }
}

/** Swaps an item with its neighbour above (-1) or below (1); out of range changes nothing. */
export function move<T>(list: T[], index: number, by: -1 | 1) {
  const to = index + by
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return
  ;[list[index], list[to]] = [list[to], list[index]]
}
