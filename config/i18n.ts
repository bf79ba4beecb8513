import app from '@adonisjs/core/services/app'
import { defineConfig, loaders } from '@adonisjs/i18n'
import { CachedIcuFormatter } from '#core/i18n/cached_icu_formatter'

/**
 * French is the default; Arabic is written right to left; Amazigh in Tifinagh (zgh).
 */
export default defineConfig({
  defaultLocale: 'fr',
  supportedLocales: ['fr', 'ar', 'zgh', 'en'],
  fallbackLocales: { zgh: 'fr' },
  // ICU messages, each compiled once per locale (the stock formatter recompiles per call).
  formatter: () => new CachedIcuFormatter(),
  loaders: [loaders.fs({ location: app.languageFilesPath() })],
})
