/*
| Edge globals: helpers the templates use for money, dates and per-locale text.
*/
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { Money } from '#core/money'
import { formatCasablanca } from '#core/casablanca_time'
import { localize } from '#core/i18n/localized_text'
import { LOCALES, intlTagOf } from '#core/i18n/locales'
import { describeCondition, visibleFields } from '#programmes/forms/visibility'
import { numberFormat } from '#core/i18n/intl_formats'
import { cacheComponentListing, cacheCompiledTemplates } from '#core/views/edge_caches'
import { cacheEntryPointTags } from '#core/views/vite_tags'
import vite from '@adonisjs/vite/services/main'
import { headerAbilitiesOf } from '#identity/header_abilities'
import type { DateTime } from 'luxon'

// Production's views and assets never change: list the components once, find and compile
// each template once, make the asset tags once.
if (app.inProduction) {
  cacheComponentListing(edge)
  cacheCompiledTemplates(edge)
  cacheEntryPointTags(vite)
}

edge.global('locales', LOCALES)
/** A form narrowed to what its answers make visible (conditional fields, visibility.ts). */
edge.global('visibleFields', visibleFields)
edge.global('describeCondition', describeCondition)
edge.global('localize', localize)
/** The header's links for a signed-in person (header_abilities.ts). */
edge.global('headerAbilitiesOf', headerAbilitiesOf)
edge.global('formatMoney', (centimes: number, locale: string) =>
  Money.ofCentimes(centimes).format(locale)
)
edge.global(
  'formatDate',
  (value: DateTime | Date | null | undefined, locale: string, style?: 'date' | 'datetime') =>
    value ? formatCasablanca(value, locale, style) : ''
)
// Intl formatters made once per locale (making one costs far more than formatting).
edge.global('formatNumber', (value: number, locale: string) =>
  numberFormat(intlTagOf(locale), { maximumFractionDigits: 2 }).format(value)
)
/** A file's size as people read it: "340 ko", "1,3 Mo" (binary units, like upload limits). */
edge.global('formatFileSize', (bytes: number, locale: string) => {
  const megabytes = bytes / (1024 * 1024)
  return megabytes >= 1
    ? numberFormat(intlTagOf(locale), {
        style: 'unit',
        unit: 'megabyte',
        maximumFractionDigits: 1,
      }).format(megabytes)
    : numberFormat(intlTagOf(locale), { style: 'unit', unit: 'kilobyte' }).format(
        Math.max(1, Math.round(bytes / 1024))
      )
})
