export const LOCALES = ['fr', 'ar', 'zgh', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'fr'

/** Languages written right to left. */
const RTL_LOCALES: ReadonlySet<string> = new Set(['ar'])

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr'
}

const INTL_TAGS: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', zgh: 'zgh-MA', en: 'en-GB' }

/** The BCP 47 tag used with Intl for numbers and dates (Moroccan conventions). */
export function intlTagOf(locale: string): string {
  return INTL_TAGS[isLocale(locale) ? locale : DEFAULT_LOCALE]
}
