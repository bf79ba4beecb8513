import { test } from '@japa/runner'
import fc from 'fast-check'
import { Money } from '#core/money'
import { madInputValue } from '#programmes/validators/rules'

test.group('Amounts shown back in staff forms', () => {
  test('an amount is shown as the hints ask it to be typed: "250 000", "1 234,50"', ({
    assert,
  }) => {
    assert.equal(madInputValue(25_000_000), '250 000')
    assert.equal(madInputValue(123_450), '1 234,50')
    assert.equal(madInputValue(5), '0,05')
    assert.equal(madInputValue(0), '0')
    assert.equal(madInputValue(null), '')
  })

  test('what a form shows reads back as the same centimes (property)', ({ assert }) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), (centimes) => {
        const shown = madInputValue(centimes)
        assert.match(shown, /^\d{1,3}( \d{3})*(,\d{2})?$/)
        assert.equal(Money.parse(shown)?.centimes, centimes)
      }),
      { numRuns: 1000 }
    )
  })
})
