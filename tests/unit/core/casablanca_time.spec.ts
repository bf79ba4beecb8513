import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import {
  CASABLANCA,
  formatCasablanca,
  fromCasablancaInput,
  hasPassed,
  inCasablanca,
  nowInCasablanca,
  toCasablancaInput,
} from '#core/casablanca_time'
import { intlTagOf } from '#core/i18n/locales'

/*
 * Africa/Casablanca in 2026 per the tz database shipped with Node: UTC+1, then UTC+0
 * for Ramadan from 15 February (03:00 becomes 02:00, so 02:00–02:59 happens twice)
 * to 22 March (02:00 becomes 03:00, so 02:00–02:59 never happens), then UTC+1 again.
 * The tests run with TZ=UTC, so the server's zone is never Casablanca's by accident.
 */

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

/** "2026-03-22T02:30" for a number of minutes after 2026-01-01T00:00 on the wall clock. */
function wallMinute(minutes: number) {
  return DateTime.fromISO('2026-01-01T00:00', { zone: 'utc' })
    .plus({ minutes })
    .toFormat("yyyy-MM-dd'T'HH:mm")
}

/** Minutes from 2026-01-01T00:00 to the given wall time or UTC instant. */
function minutesTo(iso: string) {
  return utc(iso).diff(utc('2026-01-01T00:00'), 'minutes').minutes
}

const FIRST_HALF_OF_2026 = minutesTo('2026-07-01T00:00')

/** Most minutes anywhere in the half year, many of them on the two days the clocks change. */
const minuteOfFirstHalf = fc.oneof(
  fc.integer({ min: 0, max: FIRST_HALF_OF_2026 - 1 }),
  fc.integer({ min: minutesTo('2026-02-15T00:00'), max: minutesTo('2026-02-15T05:00') }),
  fc.integer({ min: minutesTo('2026-03-22T00:00'), max: minutesTo('2026-03-22T05:00') })
)

test.group('Casablanca time / the 2026 Ramadan offset change', () => {
  test('Casablanca is UTC+1 outside Ramadan and UTC+0 during Ramadan 2026', ({ assert }) => {
    const offsetOn = (iso: string) => inCasablanca(new Date(iso)).offset
    assert.equal(offsetOn('2026-01-15T12:00:00Z'), 60)
    assert.equal(offsetOn('2026-02-25T12:00:00Z'), 0)
    assert.equal(offsetOn('2026-03-20T12:00:00Z'), 0)
    assert.equal(offsetOn('2026-04-15T12:00:00Z'), 60)
  })

  test('17:00 in Casablanca is 16:00 UTC before and after Ramadan, 17:00 UTC during it', ({
    assert,
  }) => {
    assert.equal(fromCasablancaInput('2026-01-15T17:00')?.toISO(), '2026-01-15T16:00:00.000Z')
    assert.equal(fromCasablancaInput('2026-02-25T17:00')?.toISO(), '2026-02-25T17:00:00.000Z')
    assert.equal(fromCasablancaInput('2026-04-15T17:00')?.toISO(), '2026-04-15T16:00:00.000Z')
  })

  test('on 15 February 2026 the clock goes from 02:59 back to 02:00', ({ assert }) => {
    assert.equal(toCasablancaInput(utc('2026-02-15T01:59')), '2026-02-15T02:59')
    assert.equal(toCasablancaInput(utc('2026-02-15T02:00')), '2026-02-15T02:00')
  })

  test('a wall time skipped when clocks go forward on 22 March 2026 is refused', ({ assert }) => {
    for (const skipped of ['2026-03-22T02:00', '2026-03-22T02:30', '2026-03-22T02:59']) {
      assert.isNull(fromCasablancaInput(skipped), skipped)
    }
    assert.equal(fromCasablancaInput('2026-03-22T01:59')?.toISO(), '2026-03-22T01:59:00.000Z')
    assert.equal(fromCasablancaInput('2026-03-22T03:00')?.toISO(), '2026-03-22T02:00:00.000Z')
  })

  test('a wall time repeated when clocks go back is read as its later occurrence', ({ assert }) => {
    // Of the two 02:30s on 15 February, the later one (UTC+0) gives applicants the hour.
    assert.equal(fromCasablancaInput('2026-02-15T02:30')?.toISO(), '2026-02-15T02:30:00.000Z')
  })
})

test.group('Casablanca time / form input round trips', () => {
  test('any wall time typed in the first half of 2026 reads back as typed, unless skipped', ({
    assert,
  }) => {
    fc.assert(
      fc.property(minuteOfFirstHalf, (minutes) => {
        const typed = wallMinute(minutes)
        const instant = fromCasablancaInput(typed)
        if (typed.startsWith('2026-03-22T02:')) {
          assert.isNull(instant, typed)
        } else {
          assert.isNotNull(instant, typed)
          assert.equal(toCasablancaInput(instant!), typed)
        }
      }),
      { numRuns: 2000 }
    )
  })

  test('any instant shown in Casablanca reads back as the same instant', ({ assert }) => {
    // Except in the hour that is shown twice on 15 February (see the later-occurrence test).
    const repeated = [minutesTo('2026-02-15T01:00'), minutesTo('2026-02-15T02:00')]
    fc.assert(
      fc.property(minuteOfFirstHalf, (minutes) => {
        fc.pre(minutes < repeated[0] || minutes >= repeated[1])
        const instant = utc('2026-01-01T00:00').plus({ minutes })
        const shown = toCasablancaInput(instant.toJSDate())
        assert.equal(fromCasablancaInput(shown)?.toMillis(), instant.toMillis(), shown)
      }),
      { numRuns: 2000 }
    )
  })

  test('text that is not a date-time is refused', ({ assert }) => {
    for (const input of [
      '',
      'tomorrow',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-15T24:30',
      '2026-01-15',
    ]) {
      assert.isNull(fromCasablancaInput(input), JSON.stringify(input))
    }
  })
})

test.group('Casablanca time / deadlines', () => {
  test('a 17:00 deadline {period} has passed one minute after, not one minute before')
    .with([
      { period: 'before Ramadan', deadline: '2026-01-15T17:00', closesAt: '2026-01-15T16:00' },
      { period: 'during Ramadan', deadline: '2026-03-01T17:00', closesAt: '2026-03-01T17:00' },
      { period: 'after Ramadan', deadline: '2026-03-31T17:00', closesAt: '2026-03-31T16:00' },
    ])
    .run(({ assert }, { deadline, closesAt }) => {
      const closing = fromCasablancaInput(deadline)!
      assert.isFalse(hasPassed(closing, utc(closesAt).minus({ minutes: 1 })))
      assert.isFalse(hasPassed(closing, utc(closesAt)), 'the closing instant itself is still open')
      assert.isTrue(hasPassed(closing, utc(closesAt).plus({ minutes: 1 })))
    })

  test('a deadline one minute past closing has passed, across the Ramadan offset change', ({
    assert,
  }) => {
    // Closing at the first minute of UTC+1 on 22 March: one real minute earlier the
    // wall clock read 01:59 (UTC+0), one real minute later it reads 03:01.
    const closing = fromCasablancaInput('2026-03-22T03:00')!
    const minuteBefore = fromCasablancaInput('2026-03-22T01:59')!
    const minuteAfter = fromCasablancaInput('2026-03-22T03:01')!
    assert.equal(minuteAfter.diff(minuteBefore, 'minutes').minutes, 2)
    assert.isFalse(hasPassed(closing, minuteBefore))
    assert.isTrue(hasPassed(closing, minuteAfter))
  })

  test('when clocks go back, a wall clock already past the deadline does not close it early', ({
    assert,
  }) => {
    const closing = fromCasablancaInput('2026-02-15T02:30')!
    // 01:31 UTC is 02:31 on the wall clock (still UTC+1), an hour before the deadline.
    const earlier = utc('2026-02-15T01:31')
    assert.equal(toCasablancaInput(earlier), '2026-02-15T02:31')
    assert.isFalse(hasPassed(closing, earlier))
    assert.isTrue(hasPassed(closing, utc('2026-02-15T02:31')))
  })

  test('a deadline read from the database as a Date is judged by the server clock', ({
    assert,
  }) => {
    assert.isTrue(hasPassed(new Date(Date.now() - 60_000)))
    assert.isFalse(hasPassed(new Date(Date.now() + 60_000)))
    assert.isTrue(hasPassed(DateTime.utc().minus({ minutes: 1 })))
  })

  test('now is read in Casablanca', ({ assert }) => {
    const now = nowInCasablanca()
    assert.equal(now.zoneName, CASABLANCA)
    assert.closeTo(now.toMillis(), Date.now(), 1_000)
  })
})

test.group('Casablanca time / formatting for the reader', () => {
  /** Bidi marks dropped and any kind of space made plain, for comparison. */
  const plain = (text: string) =>
    text.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\s\u00a0\u202f]/g, ' ')

  test('{locale} shows the Casablanca time and offset, whatever the server zone')
    .with([
      { locale: 'fr', january: 'jan' },
      { locale: 'ar', january: 'يناير' },
      { locale: 'en', january: 'Jan' },
    ])
    .run(({ assert }, { locale, january }) => {
      const winter = plain(formatCasablanca(utc('2026-01-15T16:00'), locale))
      assert.include(winter, january)
      assert.include(winter, '17:00')
      assert.match(winter, /\+1(?!\d)/)

      const ramadan = plain(formatCasablanca(utc('2026-03-01T16:00').toJSDate(), locale))
      assert.include(ramadan, '16:00')
      assert.match(ramadan, /\+0(?!\d)/)
    })

  test('{locale} dates a late-evening instant by the Casablanca calendar day')
    .with([
      { locale: 'fr', expected: '15 janvier 2026' },
      { locale: 'ar', expected: '15 يناير 2026' },
      { locale: 'en', expected: '15 January 2026' },
    ])
    .run(({ assert }, { locale, expected }) => {
      // 23:30 UTC on the 14th is 00:30 on the 15th in Casablanca.
      assert.equal(plain(formatCasablanca(utc('2026-01-14T23:30'), locale, 'date')), expected)
    })

  test('an unsupported locale is formatted the French way', ({ assert }) => {
    const instant = utc('2026-01-15T16:00')
    assert.equal(formatCasablanca(instant, 'de'), formatCasablanca(instant, 'fr'))
  })

  test('reads exactly as Luxon writes it, across the offset changes, in every locale', ({
    assert,
  }) => {
    for (const iso of ['2026-02-20T23:30:00Z', '2026-03-01T12:00:00Z', '2026-07-14T08:05:00Z']) {
      const value = DateTime.fromISO(iso)
      // Twice, as a DateTime then as a Date: the second answer comes from the kept texts.
      for (const given of [value, value.toJSDate()]) {
        for (const locale of ['fr', 'ar', 'zgh', 'en']) {
          const local = inCasablanca(value).setLocale(intlTagOf(locale))
          assert.equal(
            formatCasablanca(given, locale),
            local.toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' })
          )
          assert.equal(
            formatCasablanca(given, locale, 'date'),
            local.toLocaleString(DateTime.DATE_FULL)
          )
        }
      }
    }
  })
})
