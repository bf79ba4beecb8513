import { test } from '@japa/runner'
import { suppressSmallCells, type RegionFigures } from '#reporting/scoreboard/scoreboard_figures'
import {
  percentInHundredths,
  percentOfTarget,
  ratioInHundredths,
} from '#reporting/scoreboard/indicators'
import { periodStatus } from '#reporting/progress/progress_schedule'

const ROW: RegionFigures = {
  region: 'oriental',
  startups: 4,
  grantees: 0,
  funds: 0,
  committedCentimes: 120_000_000,
  disbursedCentimes: 0,
  aiEnrolled: 5,
  aiCertified: 1,
  jobsCreated: 12,
  womenInTeams: 3,
  fundsRaisedCentimes: 5_000_000,
  reportingAgreements: 4,
}

test.group('Scoreboard rules', () => {
  test('a regional cell of 1 to 4 people is suppressed, 0 and 5 or more are shown', ({
    assert,
  }) => {
    assert.deepEqual(suppressSmallCells(ROW), {
      region: 'oriental',
      startups: null,
      grantees: 0,
      funds: 0,
      // 4 beneficiaries behind it: one person's award could be read off it.
      committedCentimes: null,
      disbursedCentimes: 0,
      aiEnrolled: 5,
      aiCertified: null,
      jobsCreated: 12,
      womenInTeams: null,
      fundsRaisedCentimes: null,
      reportingAgreements: null,
    })
    const larger = suppressSmallCells({ ...ROW, startups: 5, reportingAgreements: 5 })
    assert.equal(larger.committedCentimes, 120_000_000)
    assert.equal(larger.fundsRaisedCentimes, 5_000_000)
  })

  test('ratios and shares are kept in hundredths, rounded, never divided by zero', ({ assert }) => {
    assert.equal(ratioInHundredths(340, 80), 425)
    assert.equal(ratioInHundredths(1, 3), 33)
    assert.equal(ratioInHundredths(5, 0), 0)
    assert.equal(percentInHundredths(3, 9), 3333)
    assert.equal(percentInHundredths(2, 3), 6667)
    assert.equal(percentInHundredths(0, 0), 0)
    assert.equal(percentOfTarget(2, 100_000), 0)
    assert.equal(percentOfTarget(3, 3_000), 0.1)
    assert.equal(percentOfTarget(150, 100), 150)
  })

  test('a period is upcoming, due, late or submitted on a given day', ({ assert }) => {
    const period = { periodStart: '2026-01-01', dueOn: '2026-04-09' }
    assert.equal(periodStatus(period, false, '2025-12-31'), 'upcoming')
    assert.equal(periodStatus(period, false, '2026-01-01'), 'due')
    assert.equal(periodStatus(period, false, '2026-04-09'), 'due')
    assert.equal(periodStatus(period, false, '2026-04-10'), 'late')
    assert.equal(periodStatus(period, true, '2026-04-10'), 'submitted')
  })
})
