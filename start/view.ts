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
import type { DateTime } from 'luxon'

/*
| Edge lists the component files of every views directory each time a renderer is made
| (each request: the auth middleware shares the user with the view) unless it was
| *constructed* with `cache: true`; AdonisJS turns the cache on later, with configure(),
| which that listing ignores. It cost a fifth of an API request's CPU time
| (bench/profiles/api_calls.md). In production the views do not change: list them once,
| and again only if a directory is mounted or unmounted.
*/
if (app.inProduction) {
  const loader = edge.loader
  const listComponents = loader.listComponents.bind(loader)
  const mount = loader.mount.bind(loader)
  const unmount = loader.unmount.bind(loader)
  let components: ReturnType<typeof listComponents> | undefined
  loader.listComponents = () => (components ??= listComponents())
  loader.mount = (...args) => {
    components = undefined
    return mount(...args)
  }
  loader.unmount = (...args) => {
    components = undefined
    return unmount(...args)
  }
}

edge.global('locales', LOCALES)
/** A form narrowed to what its answers make visible (conditional fields, visibility.ts). */
edge.global('visibleFields', visibleFields)
edge.global('describeCondition', describeCondition)
edge.global('localize', localize)
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
