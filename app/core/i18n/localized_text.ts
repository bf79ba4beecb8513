import { LOCALES, DEFAULT_LOCALE, type Locale } from '#core/i18n/locales'

/** Text written once per language, e.g. a call's title. */
export type LocalizedText = Partial<Record<Locale, string>>

/**
 * The text in the reader's language, else French (the administration's default),
 * else the first language it exists in.
 */
export function localize(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return ''
  return (
    text[locale as Locale] ??
    text[DEFAULT_LOCALE] ??
    LOCALES.map((candidate) => text[candidate]).find((value) => value !== undefined) ??
    ''
  )
}
