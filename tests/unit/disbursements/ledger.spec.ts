import { test } from '@japa/runner'
import { approvalHeadroom, budgetSegments } from '#disbursements/ledger'

test.group('Budget ledger', () => {
  test('the bar splits the envelope into disbursed, committed not disbursed and remaining', ({
    assert,
  }) => {
    assert.deepEqual(
      budgetSegments({
        envelopeCentimes: 1_000_000,
        committedCentimes: 600_000,
        disbursedCentimes: 150_000,
      }),
      [
        { key: 'disbursed', centimes: 150_000, percent: 15, start: 0 },
        { key: 'committed', centimes: 450_000, percent: 45, start: 15 },
        { key: 'remaining', centimes: 400_000, percent: 40, start: 60 },
      ]
    )
  })

  test('an empty envelope draws an empty bar rather than dividing by zero', ({ assert }) => {
    const segments = budgetSegments({
      envelopeCentimes: 0,
      committedCentimes: 0,
      disbursedCentimes: 0,
    })
    assert.isTrue(segments.every((segment) => segment.percent === 0))
  })

  test('the approval headroom is what the award and the call have left', ({ assert }) => {
    assert.deepEqual(
      approvalHeadroom({
        agreementTotalCentimes: 1_000,
        agreementEngagedCentimes: 700,
        callCommittedCentimes: 5_000,
        callDisbursedCentimes: 2_000,
        callInFlightCentimes: 2_800,
      }),
      { award: 300, call: 200 }
    )
  })
})
