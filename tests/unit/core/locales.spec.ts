import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { DEFAULT_LOCALE, LOCALES, directionOf, intlTagOf, isLocale } from '#core/i18n/locales'
import { localize } from '#core/i18n/localized_text'

test.group('Locales', () => {
  test('the portal speaks French, Arabic, Amazigh and English, French by default', ({ assert }) => {
    assert.sameMembers([...LOCALES], ['fr', 'ar', 'zgh', 'en'])
    assert.equal(DEFAULT_LOCALE, 'fr')
  })

  test('the translator is configured with the same languages and default', ({ assert }) => {
    assert.sameMembers(i18nManager.supportedLocales(), [...LOCALES])
    assert.equal(i18nManager.defaultLocale, DEFAULT_LOCALE)
  })

  test('only a supported language code is a locale', ({ assert }) => {
    for (const locale of LOCALES) assert.isTrue(isLocale(locale), locale)
    for (const other of ['de', 'FR', 'ar-MA', '', ' fr', null, undefined, 42, ['fr'], {}]) {
      assert.isFalse(isLocale(other), JSON.stringify(other))
    }
  })

  test('Arabic is written right to left, the other languages left to right', ({ assert }) => {
    assert.equal(directionOf('ar'), 'rtl')
    assert.equal(directionOf('fr'), 'ltr')
    assert.equal(directionOf('zgh'), 'ltr')
    assert.equal(directionOf('en'), 'ltr')
    assert.equal(directionOf('de'), 'ltr')
  })

  test('numbers and dates follow Moroccan conventions, English the British ones', ({ assert }) => {
    assert.equal(intlTagOf('fr'), 'fr-MA')
    assert.equal(intlTagOf('ar'), 'ar-MA')
    assert.equal(intlTagOf('zgh'), 'zgh-MA')
    assert.equal(intlTagOf('en'), 'en-GB')
  })

  test('an unsupported language is formatted the French way', ({ assert }) => {
    assert.equal(intlTagOf('de'), 'fr-MA')
    assert.equal(intlTagOf(''), 'fr-MA')
  })

  test('Arabic numbers use Western digits, as in Morocco', ({ assert }) => {
    assert.equal(new Intl.NumberFormat(intlTagOf('ar')).resolvedOptions().numberingSystem, 'latn')
  })

  test('every locale tag is one Intl knows', ({ assert }) => {
    for (const locale of LOCALES) {
      const tag = intlTagOf(locale)
      assert.deepEqual(Intl.getCanonicalLocales(tag), [tag])
      assert.deepEqual(Intl.DateTimeFormat.supportedLocalesOf(tag), [tag], tag)
    }
  })
})

test.group('Localized text', () => {
  const title = { fr: 'Appel à projets', ar: 'طلب مشاريع', en: 'Call for projects' }

  test('a text is read in the reader’s language', ({ assert }) => {
    assert.equal(localize(title, 'fr'), 'Appel à projets')
    assert.equal(localize(title, 'ar'), 'طلب مشاريع')
    assert.equal(localize(title, 'en'), 'Call for projects')
  })

  test('a text missing in the reader’s language falls back to French', ({ assert }) => {
    assert.equal(localize(title, 'zgh'), 'Appel à projets')
    assert.equal(localize(title, 'de'), 'Appel à projets')
  })

  test('a text without French is read in the first language it exists in', ({ assert }) => {
    assert.equal(localize({ en: 'Call', ar: 'طلب' }, 'zgh'), 'طلب')
    assert.equal(localize({ en: 'Call' }, 'fr'), 'Call')
  })

  test('no text at all reads as an empty string', ({ assert }) => {
    assert.equal(localize(null, 'fr'), '')
    assert.equal(localize(undefined, 'ar'), '')
    assert.equal(localize({}, 'en'), '')
  })
})
