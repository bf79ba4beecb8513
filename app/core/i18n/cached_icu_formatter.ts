import formatters from '@poppinss/intl-formatter'
import { IntlMessageFormat } from 'intl-messageformat'
import type { TranslationsFormatterContract } from '@adonisjs/i18n/types'

/** Formatters for values inside messages: memoized Intl objects, as the stock formatter. */
const VALUE_FORMATTERS = {
  getNumberFormat: formatters.number,
  getDateTimeFormat: formatters.date,
  getPluralRules: formatters.plural,
}

/** Messages come from the language files: a bounded map keeps every one compiled. */
const MAX_COMPILED = 20_000

/**
 * The ICU formatter of @adonisjs/i18n compiles the message (and resolves its locale)
 * on every `t()` call, which cost a third of a page's CPU. This one compiles each
 * message once per locale and reuses it; the output is the same.
 */
export class CachedIcuFormatter implements TranslationsFormatterContract {
  static #compiled = new Map<string, IntlMessageFormat>()

  name = 'icu'

  format(message: string, locale: string, data?: Record<string, any>): string {
    const key = `${locale}\u0000${message}`
    let compiled = CachedIcuFormatter.#compiled.get(key)
    if (!compiled) {
      if (CachedIcuFormatter.#compiled.size >= MAX_COMPILED) CachedIcuFormatter.#compiled.clear()
      compiled = new IntlMessageFormat(message, locale, undefined, {
        formatters: VALUE_FORMATTERS,
        ignoreTag: true,
      })
      CachedIcuFormatter.#compiled.set(key, compiled)
    }
    return compiled.format(data ?? {}) as string
  }
}
