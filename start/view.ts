/*
| Edge globals: helpers the templates use for money, dates and per-locale text.
*/
import edge from 'edge.js'
import { Money } from '#core/money'
import { formatCasablanca } from '#core/casablanca_time'
import { localize } from '#core/i18n/localized_text'
import { LOCALES } from '#core/i18n/locales'
import type { DateTime } from 'luxon'

edge.global('locales', LOCALES)
edge.global('localize', localize)
edge.global('formatMoney', (centimes: number, locale: string) =>
  Money.ofCentimes(centimes).format(locale)
)
edge.global(
  'formatDate',
  (value: DateTime | Date | null | undefined, locale: string, style?: 'date' | 'datetime') =>
    value ? formatCasablanca(value, locale, style) : ''
)
