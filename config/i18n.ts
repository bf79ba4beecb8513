import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'

/**
 * French is the default; Arabic is written right to left; Amazigh in Tifinagh (zgh).
 */
export default defineConfig({
  defaultLocale: 'fr',
  supportedLocales: ['fr', 'ar', 'zgh', 'en'],
  fallbackLocales: { zgh: 'fr' },
  formatter: formatters.icu(),
  loaders: [loaders.fs({ location: app.languageFilesPath() })],
})
