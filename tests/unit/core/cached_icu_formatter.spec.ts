import { test } from '@japa/runner'
import { formatters } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { IntlMessageFormat } from 'intl-messageformat'
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

  test('plain messages put their values in as intl-messageformat does, whatever the value', ({
    assert,
  }) => {
    const stock = (message: string, locale: string, data: Record<string, any>) =>
      new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(data)
    const cached = new CachedIcuFormatter()
    const messages = [
      'Bonjour',
      "L''appel {title} est ouvert",
      '{a}{b} et <b>{c}</b>',
      'مرحبا {name}',
    ]
    const values = ['Salma', '', 0, 12.5, 10n, null, undefined, false]
    for (const message of messages) {
      for (const value of values) {
        const data = { title: value, a: value, b: 'x', c: value, name: value }
        assert.equal(cached.format(message, 'fr', data), stock(message, 'fr', data))
        assert.equal(cached.format(message, 'fr', data), stock(message, 'fr', data))
      }
    }
    // A value that is missing fails as it does in intl-messageformat.
    assert.throws(() => cached.format('Bonjour {name}', 'fr', {}), /name/)
    // An object goes through intl-messageformat too.
    const date = new Date('2026-12-07T10:00:00Z')
    assert.deepEqual(
      cached.format('Le {day}', 'fr', { day: date }),
      stock('Le {day}', 'fr', { day: date }) as any
    )
  })

  test('every message of every language, each value a distinct text, as the stock formatter', async ({
    assert,
  }) => {
    const stockFactory = await configProvider.resolve<any>(app, formatters.icu())
    const stock = stockFactory(i18nManager.config)
    const cached = new CachedIcuFormatter()
    // Every name a message could ask for, each with its own text: a swapped value shows.
    const data = new Proxy({} as Record<string, string>, {
      has: () => true,
      get: (_target, name) => (typeof name === 'string' ? `«${name}»` : undefined),
    })
    let compared = 0
    for (const [locale, messages] of Object.entries(i18nManager.getTranslations())) {
      for (const message of Object.values(messages)) {
        let expected: string
        try {
          expected = stock.format(message, locale, data)
        } catch {
          continue // plurals and numbers want numbers: the test above covers them
        }
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
