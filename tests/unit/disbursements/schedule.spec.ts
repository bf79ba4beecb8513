import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  STARTUP_MILESTONES,
  monthlyAmounts,
  splitByPercent,
  stipendStart,
  trancheSchedule,
} from '#disbursements/tranche_schedule'
import { LOCALES } from '#core/i18n/locales'

const START = DateTime.fromISO('2026-01-15', { zone: 'Africa/Casablanca' })
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

test.group('Tranche schedule', () => {
  test('a living grant is one tranche a month of the stipend, due monthly from the start', ({
    assert,
  }) => {
    const schedule = trancheSchedule({
      kind: 'living_grant',
      totalCentimes: 12 * 1_500_000,
      stipendMonths: 12,
      monthlyStipendCentimes: 1_500_000,
      startOn: START,
    })
    assert.lengthOf(schedule, 12)
    assert.isTrue(schedule.every((tranche) => tranche.amountCentimes === 1_500_000))
    assert.deepEqual(
      schedule.slice(0, 3).map((tranche) => tranche.dueOn),
      ['2026-01-15', '2026-02-15', '2026-03-15']
    )
    assert.equal(schedule[11].dueOn, '2026-12-15')
    assert.deepEqual(
      schedule.map((tranche) => tranche.sequence),
      Array.from({ length: 12 }, (_, index) => index + 1)
    )
    assert.equal(schedule[2].milestone.fr, 'Mensualité 3')
  })

  test('an award that is not a whole number of stipends still sums exactly, remainder last', ({
    assert,
  }) => {
    const schedule = trancheSchedule({
      kind: 'living_grant',
      totalCentimes: 1_000_001,
      stipendMonths: 3,
      monthlyStipendCentimes: 1_500_000,
      startOn: START,
    })
    assert.deepEqual(
      schedule.map((tranche) => tranche.amountCentimes),
      [333_333, 333_333, 333_335]
    )
  })

  test('a startup offer is three milestones of 40/40/20 % summing exactly to the total', ({
    assert,
  }) => {
    const schedule = trancheSchedule({
      kind: 'startup_offer',
      totalCentimes: 30_000_001,
      startOn: START,
    })
    assert.deepEqual(
      schedule.map((tranche) => tranche.amountCentimes),
      [12_000_000, 12_000_000, 6_000_001]
    )
    for (const tranche of schedule) {
      for (const locale of LOCALES) assert.isNotEmpty(tranche.milestone[locale])
    }
    assert.deepEqual(
      schedule.map((tranche) => tranche.dueOn),
      ['2026-01-15', '2026-07-15', '2027-01-15']
    )
  })

  test('a VC commitment has no fixed schedule: capital calls come later', ({ assert }) => {
    assert.deepEqual(
      trancheSchedule({ kind: 'vc_call', totalCentimes: 500_000_000, startOn: START }),
      []
    )
  })

  test('every schedule sums exactly to its total, whatever the total', ({ assert }) => {
    for (let total = 1; total < 5_000_000_000; total = total * 7 + 3) {
      for (const months of [1, 5, 12, 24]) {
        const stipends = trancheSchedule({
          kind: 'living_grant',
          totalCentimes: total,
          stipendMonths: months,
          monthlyStipendCentimes: 1_500_000,
          startOn: START,
        })
        assert.equal(sum(stipends.map((tranche) => tranche.amountCentimes)), total)
        assert.isTrue(stipends.every((tranche) => tranche.amountCentimes > 0))
      }
      const milestones = trancheSchedule({
        kind: 'startup_offer',
        totalCentimes: total,
        startOn: START,
      })
      assert.equal(sum(milestones.map((tranche) => tranche.amountCentimes)), total)
    }
  })

  test('splits and monthly amounts never lose a centime', ({ assert }) => {
    assert.deepEqual(splitByPercent(101, [40, 40, 20]), [40, 40, 21])
    assert.equal(
      sum(
        splitByPercent(
          999_999_999,
          STARTUP_MILESTONES.map((m) => m.percent)
        )
      ),
      999_999_999
    )
    assert.deepEqual(monthlyAmounts(100, 3, null), [33, 33, 34])
    assert.deepEqual(monthlyAmounts(4_500_000, 3, 1_500_000), [1_500_000, 1_500_000, 1_500_000])
  })

  test('a stipend starts on the planned start date, or the first of next month', ({ assert }) => {
    const today = DateTime.fromISO('2026-05-20', { zone: 'Africa/Casablanca' })
    assert.equal(stipendStart('2026-09-01', today).toISODate(), '2026-09-01')
    // Planned long before the agreement: no arrears, this month's stipend comes first.
    assert.equal(stipendStart('2025-06-15', today).toISODate(), '2026-05-01')
    assert.equal(stipendStart('2026-05-10', today).toISODate(), '2026-05-10')
    assert.equal(stipendStart(null, today).toISODate(), '2026-06-01')
    assert.equal(stipendStart('not a date', today).toISODate(), '2026-06-01')
  })

  test('a schedule needs a positive whole total', ({ assert }) => {
    assert.throws(() =>
      trancheSchedule({ kind: 'startup_offer', totalCentimes: 0, startOn: START })
    )
    assert.throws(() =>
      trancheSchedule({ kind: 'startup_offer', totalCentimes: 1.5, startOn: START })
    )
  })
})
