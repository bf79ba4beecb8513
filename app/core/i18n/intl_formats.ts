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

export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}) {
  return once(`number|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options))
}

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions = {}) {
  return once(`date|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options))
}

export function listFormat(tag: string, options: Intl.ListFormatOptions = {}) {
  return once(`list|${tag}|${JSON.stringify(options)}`, () => new Intl.ListFormat(tag, options))
}

/** Whether the runtime has list patterns for the locale (not for Amazigh). */
export function hasListPatterns(tag: string) {
  return once(`list-data|${tag}`, () => Intl.ListFormat.supportedLocalesOf(tag).length > 0)
}
