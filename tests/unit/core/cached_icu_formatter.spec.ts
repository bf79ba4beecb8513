import { test } from '@japa/runner'
import { formatters } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { CachedIcuFormatter } from '#core/i18n/cached_icu_formatter'

test.group('ICU messages compiled once', () => {
  test('formats every message of every language as the stock formatter does', async ({
    assert,
  }) => {
    const stockFactory = await configProvider.resolve<any>(app, formatters.icu())
    const stock = stockFactory(i18nManager.config)
    // The portal's own configuration uses the cached formatter.
    assert.instanceOf(i18nManager.config.formatter(i18nManager.config), CachedIcuFormatter)
    const cached = new CachedIcuFormatter()
    const data = { count: 3, amount: '1 500,00 MAD', name: 'Salma', date: '23 novembre 2026' }
    const translations = i18nManager.getTranslations()
    let compared = 0
    for (const [locale, messages] of Object.entries(translations)) {
      for (const message of Object.values(messages)) {
        let expected: string
        try {
          expected = stock.format(message, locale, data)
        } catch {
          continue // a message that needs other values: not this test's concern
        }
        // Twice: the second call goes through the compiled message.
        assert.equal(cached.format(message, locale, data), expected)
        assert.equal(cached.format(message, locale, data), expected)
        compared++
      }
    }
    assert.isAbove(compared, 1000)
  })

  test('plurals and numbers follow the locale', ({ assert }) => {
    const cached = new CachedIcuFormatter()
    const message = '{count, plural, one {# dossier} other {# dossiers}}'
    assert.equal(cached.format(message, 'fr', { count: 1 }), '1 dossier')
    assert.equal(cached.format(message, 'fr', { count: 1200 }), '1\u202f200 dossiers')
    assert.equal(
      cached.format('{n, number}', 'ar', { n: 12 }),
      new Intl.NumberFormat('ar').format(12)
    )
  })
})
