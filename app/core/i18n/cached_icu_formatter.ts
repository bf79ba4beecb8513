import { IntlMessageFormat } from 'intl-messageformat'
import type { TranslationsFormatterContract } from '@adonisjs/i18n/types'
import { dateTimeFormat, numberFormat, pluralRules } from '#core/i18n/intl_formats'

/**
 * Formatters for values inside messages (`{count, plural, …}`, `{amount, number}`): Intl
 * objects made once per locale and options, as the stock formatter's, but found by key.
 * @poppinss/intl-formatter finds them by comparing the options with each one it made, a
 * twentieth of the call page's CPU time (bench/profiles/call_page.md).
 */
const VALUE_FORMATTERS = {
  getNumberFormat: (tag?: string | string[], options?: Intl.NumberFormatOptions) =>
    numberFormat(tag ?? [], options),
  getDateTimeFormat: (tag?: string | string[], options?: Intl.DateTimeFormatOptions) =>
    dateTimeFormat(tag ?? [], options),
  getPluralRules: (tag?: string | string[], options?: Intl.PluralRulesOptions) =>
    pluralRules(tag ?? [], options),
}

/** Messages come from the language files: a bounded map keeps every one compiled. */
const MAX_COMPILED = 20_000

/** The parser's element types (@formatjs/icu-messageformat-parser TYPE) a plain message has. */
const LITERAL = 0
const ARGUMENT = 1

/** Text, or the name of a `{value}` put in as it is. */
type Piece = string | { name: string }

interface Compiled {
  message: IntlMessageFormat
  /** The message as text and plain `{value}`s only (most of them), else null. */
  pieces: Piece[] | null
}

function plainPieces(message: IntlMessageFormat): Piece[] | null {
  const pieces: Piece[] = []
  for (const element of message.getAst()) {
    if (element.type === LITERAL) pieces.push(element.value)
    else if (element.type === ARGUMENT) pieces.push({ name: element.value })
    else return null
  }
  return pieces
}

/**
 * The ICU formatter of @adonisjs/i18n compiles the message (and resolves its locale)
 * on every `t()` call, which cost a third of a page's CPU. This one compiles each
 * message once per locale and reuses it. A message of text and plain `{value}`s is then
 * put together directly, as intl-messageformat would (a string as it is, a number as
 * String(number), null, undefined or false as nothing), rather than through its
 * formatToParts (a twentieth of a catalogue page); anything else, or a value that is
 * missing or an object, goes through intl-messageformat. The output is the same.
 */
export class CachedIcuFormatter implements TranslationsFormatterContract {
  /**
   * Locale → message → compiled. Keyed by the message itself, not by a key made of it: the
   * messages are the language files' own strings, whose hash V8 keeps, where a new key
   * string was hashed again on every `t()` (a twentieth of a catalogue page).
   */
  static #compiled = new Map<string, Map<string, Compiled>>()
  static #count = 0

  name = 'icu'

  format(message: string, locale: string, data?: Record<string, any>): string {
    const compiled = CachedIcuFormatter.#compile(message, locale)
    if (compiled.pieces) {
      const text = CachedIcuFormatter.#join(compiled.pieces, data)
      if (text !== null) return text
    }
    return compiled.message.format(data ?? {}) as string
  }

  static #compile(message: string, locale: string): Compiled {
    let ofLocale = CachedIcuFormatter.#compiled.get(locale)
    if (!ofLocale) {
      ofLocale = new Map()
      CachedIcuFormatter.#compiled.set(locale, ofLocale)
    }
    let compiled = ofLocale.get(message)
    if (!compiled) {
      if (CachedIcuFormatter.#count >= MAX_COMPILED) {
        for (const messages of CachedIcuFormatter.#compiled.values()) messages.clear()
        CachedIcuFormatter.#count = 0
      }
      const formatter = new IntlMessageFormat(message, locale, undefined, {
        formatters: VALUE_FORMATTERS,
        ignoreTag: true,
      })
      compiled = { message: formatter, pieces: plainPieces(formatter) }
      ofLocale.set(message, compiled)
      CachedIcuFormatter.#count++
    }
    return compiled
  }

  /** The pieces joined, or null where intl-messageformat must decide (or throw). */
  static #join(pieces: Piece[], data: Record<string, any> | undefined): string | null {
    let text = ''
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        text += piece
        continue
      }
      if (!data || !(piece.name in data)) return null
      const value = data[piece.name]
      if (typeof value === 'string') text += value
      else if (typeof value === 'number' || typeof value === 'bigint') text += String(value)
      else if (value) return null
    }
    return text
  }
}
