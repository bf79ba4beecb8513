/**
 * Intl formatters made once per locale and options, for the process. Making one costs
 * ten to a hundred times what formatting with it does (ICU loads the locale's data);
 * the call page made a dozen per request (bench/profiles/call_page.md). Formatters hold
 * no state between calls, so sharing them is safe.
 */
const made = new Map<string, unknown>()

function once<T>(key: string, make: () => T): T {
  let formatter = made.get(key) as T | undefined
  if (formatter === undefined) {
    formatter = make()
    made.set(key, formatter)
  }
  return formatter
}

/** A language tag, or several (intl-messageformat passes what it was made with). */
type Tags = string | string[]

export function numberFormat(tag: Tags, options: Intl.NumberFormatOptions = {}) {
  return once(`number|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options))
}

export function dateTimeFormat(tag: Tags, options: Intl.DateTimeFormatOptions = {}) {
  return once(`date|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options))
}

export function pluralRules(tag: Tags, options: Intl.PluralRulesOptions = {}) {
  return once(`plural|${tag}|${JSON.stringify(options)}`, () => new Intl.PluralRules(tag, options))
}

export function listFormat(tag: string, options: Intl.ListFormatOptions = {}) {
  return once(`list|${tag}|${JSON.stringify(options)}`, () => new Intl.ListFormat(tag, options))
}

/** Whether the runtime has list patterns for the locale (not for Amazigh). */
export function hasListPatterns(tag: string) {
  return once(`list-data|${tag}`, () => Intl.ListFormat.supportedLocalesOf(tag).length > 0)
}
