import { test } from '@japa/runner'
import fc from 'fast-check'
import { Money } from '#core/money'

/** Any kind of space (NBSP, narrow NBSP…) as a plain one, and bidi marks dropped. */
function plain(text: string) {
  return text.replace(/[\s\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '')
}

function digitsOf(text: string) {
  return text.replace(/\D/g, '')
}

test.group('Money / construction', () => {
  test('an amount is a whole number of centimes, never a fraction', ({ assert }) => {
    assert.equal(Money.ofCentimes(123_450).centimes, 123_450)
    assert.equal(Money.ofCentimes(-5).centimes, -5)
    assert.equal(Money.zero().centimes, 0)
    for (const bad of [
      0.5,
      12.01,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 1,
    ]) {
      assert.throws(() => Money.ofCentimes(bad), RangeError)
    }
  })

  test('an amount serialises to JSON as its centimes', ({ assert }) => {
    assert.equal(JSON.stringify({ amount: Money.ofCentimes(250_000) }), '{"amount":250000}')
  })
})

test.group('Money / parsing what a person types', () => {
  test('{input} is {centimes} centimes')
    .with([
      { input: '1 234,50', centimes: 123_450 },
      { input: '1234.5', centimes: 123_450 },
      { input: '1.234,50', centimes: 123_450 },
      { input: '1,234.50', centimes: 123_450 },
      { input: '250000', centimes: 25_000_000 },
      { input: '12,5 MAD', centimes: 1_250 },
      { input: '12,50 DH', centimes: 1_250 },
      { input: '1\u202f234\u00a0567,89', centimes: 123_456_789 },
      { input: '1.234.567', centimes: 123_456_700 },
      { input: '0,05', centimes: 5 },
      { input: '-12,50', centimes: -1_250 },
    ])
    .run(({ assert }, { input, centimes }) => {
      assert.equal(Money.parse(input)?.centimes, centimes)
    })

  test('{label} is not an amount')
    .with(
      ['abc', '1,2,3', '1.2345', '', '   ', 'MAD', '1 234,567', '12a', '12,5,'].map((input) => ({
        input,
        label: JSON.stringify(input),
      }))
    )
    .run(({ assert }, { input }) => {
      assert.isNull(Money.parse(input))
    })

  test('an amount too large to hold exactly is refused rather than rounded', ({ assert }) => {
    assert.isNull(Money.parse('999999999999999999'))
  })

  test('any whole amount of centimes written with a decimal comma parses back', ({ assert }) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (centimes) => {
        const written = `${Math.trunc(centimes / 100)},${String(centimes % 100).padStart(2, '0')}`
        assert.equal(Money.parse(written)?.centimes, centimes)
      }),
      { numRuns: 500 }
    )
  })
})

test.group('Money / arithmetic', () => {
  test('adding and subtracting is exact to the centime', ({ assert }) => {
    assert.equal(Money.ofCentimes(10).plus(Money.ofCentimes(20)).centimes, 30)
    assert.equal(Money.ofCentimes(10).minus(Money.ofCentimes(25)).centimes, -15)
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        (a, b) => {
          const sum = Money.ofCentimes(a).plus(Money.ofCentimes(b))
          assert.equal(sum.centimes, a + b)
          assert.equal(sum.minus(Money.ofCentimes(b)).centimes, a)
        }
      ),
      { numRuns: 500 }
    )
  })

  test('a sum beyond the exactly representable range is refused', ({ assert }) => {
    const max = Money.ofCentimes(Number.MAX_SAFE_INTEGER)
    assert.throws(() => max.plus(Money.ofCentimes(1)), RangeError)
    assert.throws(
      () => Money.ofCentimes(-Number.MAX_SAFE_INTEGER).minus(Money.ofCentimes(1)),
      RangeError
    )
  })

  test('multiplying rounds half a centime away from zero', ({ assert }) => {
    // Ratios and products exactly representable in binary: only the rounding rule is tested.
    assert.equal(Money.ofCentimes(5).times(0.5).centimes, 3)
    assert.equal(Money.ofCentimes(-5).times(0.5).centimes, -3)
    assert.equal(Money.ofCentimes(5).times(-0.5).centimes, -3)
    assert.equal(Money.ofCentimes(3).times(0.5).centimes, 2)
    assert.equal(Money.ofCentimes(-3).times(0.5).centimes, -2)
    assert.equal(Money.ofCentimes(10).times(0.25).centimes, 3) // 2.5
    assert.equal(Money.ofCentimes(-10).times(0.25).centimes, -3) // -2.5
    assert.equal(Money.ofCentimes(7).times(0.25).centimes, 2) // 1.75
    assert.equal(Money.ofCentimes(9).times(0.25).centimes, 2) // 2.25
    assert.equal(Money.ofCentimes(-9).times(0.25).centimes, -2) // -2.25
    assert.equal(Money.ofCentimes(100_000).times(1.5).centimes, 150_000)
    assert.equal(Money.ofCentimes(123).times(0).centimes, 0)
  })

  test('multiplying by an integer is exact', ({ assert }) => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: -1000, max: 1000 }),
        (centimes, factor) => {
          assert.equal(Money.ofCentimes(centimes).times(factor).centimes, centimes * factor)
        }
      ),
      { numRuns: 500 }
    )
  })

  test('a decimal ratio rounds half away from zero like the decimal it stands for', ({
    assert,
  }) => {
    // In binary, 45 × 0.7 is 31.499999999999996: rounding that would give 31.
    assert.equal(Money.ofCentimes(45).times(0.7).centimes, 32)
    assert.equal(Money.ofCentimes(50).times(1.15).centimes, 58)
    assert.equal(Money.ofCentimes(-90).times(0.35).centimes, -32)
    assert.equal(Money.ofCentimes(5).times(0.1).centimes, 1)
    assert.equal(Money.ofCentimes(3_333_333).times(0.15).centimes, 500_000) // 499 999.95
    assert.equal(Money.ofCentimes(10 ** 9).times(1e-7).centimes, 100)
    assert.equal(Money.ofCentimes(2).times(1e15).centimes, 2 * 10 ** 15)
  })

  test('any percentage of an amount is the exact decimal product, rounded', ({ assert }) => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (centimes, hundredthsOfPercent) => {
          // centimes × (h / 10 000), rounded half away from zero, in exact integers.
          const exact = BigInt(centimes) * BigInt(hundredthsOfPercent)
          const magnitude = (exact < 0n ? -exact : exact) + 5_000n
          const expected = Number(magnitude / 10_000n) * (exact < 0n ? -1 : 1)
          const ratio = hundredthsOfPercent / 10_000
          assert.equal(Money.ofCentimes(centimes).times(ratio).centimes, expected)
        }
      ),
      { numRuns: 1000 }
    )
  })

  test('a ratio that is not a finite number, or a product out of range, is refused', ({
    assert,
  }) => {
    for (const ratio of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => Money.ofCentimes(100).times(ratio), RangeError)
    }
    assert.throws(() => Money.ofCentimes(Number.MAX_SAFE_INTEGER).times(2), RangeError)
    assert.throws(() => Money.ofCentimes(100).times(1e300), RangeError)
  })

  test('splitting gives parts that add up exactly and differ by at most one centime', ({
    assert,
  }) => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 60 }), (total, parts) => {
        const amounts = Money.ofCentimes(total).split(parts)
        assert.lengthOf(amounts, parts)
        const centimes = amounts.map((amount) => amount.centimes)
        assert.isTrue(centimes.every((value) => Number.isSafeInteger(value)))
        assert.equal(
          centimes.reduce((sum, value) => sum + value, 0),
          total
        )
        assert.isAtMost(Math.max(...centimes) - Math.min(...centimes), 1)
      }),
      { numRuns: 2000 }
    )
  })

  test('splitting a small total also spreads the extra centimes first to last', ({ assert }) => {
    assert.deepEqual(
      Money.ofCentimes(1_000)
        .split(3)
        .map((amount) => amount.centimes),
      [334, 333, 333]
    )
    assert.deepEqual(
      Money.ofCentimes(-1_000)
        .split(3)
        .map((amount) => amount.centimes),
      [-334, -333, -333]
    )
    assert.deepEqual(
      Money.ofCentimes(2)
        .split(5)
        .map((amount) => amount.centimes),
      [1, 1, 0, 0, 0]
    )
  })

  test('splitting into no part or a fractional number of parts is refused', ({ assert }) => {
    for (const parts of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => Money.ofCentimes(100).split(parts), RangeError)
    }
  })

  test('comparison and equality follow the centimes', ({ assert }) => {
    const small = Money.ofCentimes(100)
    const large = Money.ofCentimes(101)
    assert.equal(small.compare(large), -1)
    assert.equal(large.compare(small), 1)
    assert.equal(small.compare(Money.ofCentimes(100)), 0)
    assert.isTrue(small.equals(Money.ofCentimes(100)))
    assert.isFalse(small.equals(large))
    assert.isTrue(Money.ofCentimes(-1).isNegative())
    assert.isFalse(Money.zero().isNegative())
  })
})

test.group('Money / formatting per locale', () => {
  const amount = Money.ofCentimes(123_450)

  test('French shows dirhams as MAD with a decimal comma', ({ assert }) => {
    const text = plain(amount.format('fr'))
    assert.include(text, 'MAD')
    assert.match(text, /1\D?234,50/)
  })

  test('Arabic shows the Arabic dirham sign', ({ assert }) => {
    const text = plain(amount.format('ar'))
    assert.include(text, 'د.م.')
    assert.equal(digitsOf(text), '123450')
  })

  test('{locale} shows the amount with all its digits')
    .with([{ locale: 'zgh' }, { locale: 'en' }])
    .run(({ assert }, { locale }) => {
      const text = plain(amount.format(locale))
      assert.equal(digitsOf(text), '123450')
      assert.match(text, /MAD/)
    })

  test('English uses a decimal point', ({ assert }) => {
    assert.match(plain(amount.format('en')), /1,234\.50/)
  })

  test('an unsupported locale is formatted the French way', ({ assert }) => {
    assert.equal(amount.format('de'), amount.format('fr'))
  })

  test('centimes are never lost in formatting', ({ assert }) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (centimes) => {
        for (const locale of ['fr', 'ar', 'zgh', 'en']) {
          assert.equal(
            digitsOf(plain(Money.ofCentimes(centimes).format(locale))),
            String(centimes).padStart(3, '0')
          )
        }
      }),
      { numRuns: 200 }
    )
  })
})
