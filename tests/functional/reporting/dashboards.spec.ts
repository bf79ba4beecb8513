import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { dashboardFigures, histogramFigure } from '#reporting/dashboards/dashboard_figures'
import { refreshDashboards } from '#reporting/dashboards/refresh_dashboards'
import { dashboardFixture } from '#tests/functional/reporting/dashboard_fixtures'

const ALL = { applications: true, money: true }
const MAD = 100

function byValue(rows: Array<{ value: string }>) {
  return Object.fromEntries(rows.map(({ value, ...figures }) => [value, figures]))
}

test.group('Dashboards: figures from the rollups', (group) => {
  isolateEachTest(group)

  test('the funnel of a call counts how many applications reached each stage', async ({
    assert,
  }) => {
    const { callA } = await dashboardFixture()
    const figures = await dashboardFigures({ callId: callA.id }, ALL)
    assert.deepEqual(figures.funnel, {
      drafts: 9,
      submitted: 8,
      eligible: 5,
      in_review: 4,
      awarded: 3,
      contracted: 2,
      disbursing: 2,
      completed: 1,
    })
    assert.deepEqual(figures.appeals, {
      lodged: 3,
      pending: 1,
      upheld: 1,
      dismissed: 1,
      withdrawn: 0,
    })
  })

  test('breakdowns by region, gender, age band, organisation type and language', async ({
    assert,
  }) => {
    const { callA } = await dashboardFixture()
    const { breakdowns } = await dashboardFigures({ callId: callA.id }, ALL)
    assert.deepEqual(byValue(breakdowns.region), {
      souss_massa: { drafts: 5, submitted: 4, eligible: 2, awarded: 1 },
      oriental: { drafts: 3, submitted: 3, eligible: 2, awarded: 1 },
      rabat_sale_kenitra: { drafts: 1, submitted: 1, eligible: 1, awarded: 1 },
    })
    assert.deepEqual(byValue(breakdowns.gender), {
      female: { drafts: 4, submitted: 4, eligible: 3, awarded: 2 },
      male: { drafts: 3, submitted: 3, eligible: 2, awarded: 1 },
      not_stated: { drafts: 2, submitted: 1, eligible: 0, awarded: 0 },
    })
    assert.deepEqual(byValue(breakdowns.age_band), {
      'under_25': { drafts: 1, submitted: 1, eligible: 1, awarded: 0 },
      '25_34': { drafts: 2, submitted: 2, eligible: 1, awarded: 1 },
      '35_44': { drafts: 2, submitted: 2, eligible: 2, awarded: 1 },
      '45_plus': { drafts: 1, submitted: 1, eligible: 0, awarded: 0 },
      'not_stated': { drafts: 3, submitted: 2, eligible: 1, awarded: 1 },
    })
    assert.deepEqual(byValue(breakdowns.organisation_type), {
      individual: { drafts: 7, submitted: 6, eligible: 4, awarded: 2 },
      startup: { drafts: 2, submitted: 2, eligible: 1, awarded: 1 },
    })
    assert.deepEqual(byValue(breakdowns.language), {
      ar: { drafts: 3, submitted: 3, eligible: 2, awarded: 1 },
      fr: { drafts: 3, submitted: 3, eligible: 2, awarded: 1 },
      en: { drafts: 1, submitted: 1, eligible: 0, awarded: 0 },
      zgh: { drafts: 1, submitted: 1, eligible: 1, awarded: 1 },
      not_stated: { drafts: 1, submitted: 0, eligible: 0, awarded: 0 },
    })
  })

  test('a programme filter and the stage breakdown follow the programme', async ({ assert }) => {
    const { callA, callB } = await dashboardFixture()
    const both = await dashboardFigures({}, ALL)
    const stages = byValue(both.breakdowns.stage)
    assert.deepInclude(stages, { none: { drafts: 1, submitted: 1, eligible: 0, awarded: 0 } })
    const onlyB = await dashboardFigures({ programmeId: callB.programmeId }, ALL)
    assert.equal(onlyB.funnel.drafts, 1)
    assert.deepEqual(byValue(onlyB.breakdowns.stage), {
      none: { drafts: 1, submitted: 1, eligible: 0, awarded: 0 },
    })
    const onlyA = await dashboardFigures({ programmeId: callA.programmeId }, ALL)
    assert.deepEqual(byValue(onlyA.breakdowns.stage), {
      early: { drafts: 9, submitted: 8, eligible: 5, awarded: 3 },
    })
  })

  test('the period and the region narrow every figure', async ({ assert }) => {
    const { callA } = await dashboardFixture()
    const february = await dashboardFigures(
      { callId: callA.id, from: '2026-02', to: '2026-02' },
      ALL
    )
    // #4 eligible, #5 ineligible, #6 in review, #8 disbursing (the January draft is out).
    assert.deepEqual(february.funnel, {
      drafts: 4,
      submitted: 4,
      eligible: 3,
      in_review: 2,
      awarded: 1,
      contracted: 1,
      disbursing: 1,
      completed: 0,
    })
    assert.deepEqual(february.appeals, {
      lodged: 2,
      pending: 0,
      upheld: 1,
      dismissed: 1,
      withdrawn: 0,
    })
    // Decisions on what was submitted in February: #8 (28 days).
    assert.deepEqual(february.durations.decision, { count: 1, median: 28, p90: 28 })

    const oriental = await dashboardFigures({ callId: callA.id, region: 'oriental' }, ALL)
    assert.equal(oriental.funnel.drafts, 3)
    assert.equal(oriental.funnel.awarded, 1)
    assert.equal(oriental.money.committedCentimes, 100_000 * MAD)
    assert.equal(oriental.money.disbursedCentimes, 0)
    assert.deepEqual(
      oriental.money.months.map((month) => month.month),
      ['2026-03']
    )
  })

  test('medians of the time to decide and to pay the first tranche', async ({ assert }) => {
    const { callA } = await dashboardFixture()
    const { durations } = await dashboardFigures({ callId: callA.id }, ALL)
    // Decisions after 35 (#7), 28 (#8) and 30 (#9) days; first payments after 10 and 20.
    assert.deepEqual(durations.decision, { count: 3, median: 30, p90: 35 })
    assert.deepEqual(durations.first_payment, { count: 2, median: 15, p90: 20 })
  })

  test('envelope committed, disbursed and remaining, cumulated month by month', async ({
    assert,
  }) => {
    const { callA } = await dashboardFixture()
    const { money } = await dashboardFigures({ callId: callA.id }, ALL)
    assert.equal(money.envelopeCentimes, 1_000_000 * MAD)
    assert.equal(money.committedCentimes, 230_000 * MAD)
    assert.equal(money.disbursedCentimes, 90_000 * MAD)
    assert.equal(money.remainingCentimes, 770_000 * MAD)
    assert.deepEqual(money.months, [
      {
        month: '2026-02',
        committedCentimes: 50_000 * MAD,
        disbursedCentimes: 20_000 * MAD,
        remainingCentimes: 950_000 * MAD,
      },
      {
        month: '2026-03',
        committedCentimes: 230_000 * MAD,
        disbursedCentimes: 90_000 * MAD,
        remainingCentimes: 770_000 * MAD,
      },
    ])
    // From March on: February's money still counts in the cumulated figures.
    const march = await dashboardFigures({ callId: callA.id, from: '2026-03' }, ALL)
    assert.deepEqual(
      march.money.months.map((month) => [month.month, month.committedCentimes]),
      [['2026-03', 230_000 * MAD]]
    )
  })

  test('reviewer workload and lateness, the most overdue first', async ({ assert }) => {
    const { callA, firstReviewer, secondReviewer } = await dashboardFixture()
    const { reviewers } = await dashboardFigures({ callId: callA.id }, ALL)
    assert.deepEqual(reviewers.rows, [
      {
        reviewerId: firstReviewer.id,
        name: 'Amina Reviewer',
        assigned: 3,
        submitted: 2,
        submittedLate: 1,
        overdue: 1,
        averageDaysLate: 4,
      },
      {
        reviewerId: secondReviewer.id,
        name: 'Youssef Reviewer',
        assigned: 2,
        submitted: 1,
        submittedLate: 0,
        overdue: 0,
        averageDaysLate: null,
      },
    ])
    assert.deepInclude(reviewers.total, {
      assigned: 5,
      submitted: 3,
      submittedLate: 1,
      overdue: 1,
      averageDaysLate: 4,
    })
  })

  test('the page reads the rollups only, not the live tables', async ({ assert }) => {
    const { callA } = await dashboardFixture()
    // A new application after the refresh does not show until the next refresh.
    await db
      .from('applications')
      .where('call_id', callA.id)
      .where('state', 'draft')
      .update({
        state: 'submitted',
        reference: 'DB-TEST-LATE',
        form_version_id: db.raw('(SELECT id FROM form_versions WHERE call_id = ?)', [callA.id]),
        submitted_answers: '{}',
        submitted_at: new Date('2026-01-10T10:00:00Z'),
      })
    const before = await dashboardFigures({ callId: callA.id }, ALL)
    assert.equal(before.funnel.submitted, 8)
    await refreshDashboards()
    const after = await dashboardFigures({ callId: callA.id }, ALL)
    assert.equal(after.funnel.submitted, 9)
    const { queries } = await countQueries(() => dashboardFigures({ callId: callA.id }, ALL))
    assert.lengthOf(queries, 5)
    for (const sql of queries) {
      assert.notMatch(sql, /\b(applications|reviews|ledger_entries|decisions|tranches)\b/)
    }
  })

  test('a median of an even count averages the two middle values', ({ assert }) => {
    assert.deepEqual(
      histogramFigure([
        { days: 4, n: 1 },
        { days: 1, n: 2 },
        { days: 9, n: 1 },
      ]),
      { count: 4, median: 2.5, p90: 9 }
    )
    assert.deepEqual(histogramFigure([]), { count: 0, median: null, p90: null })
  })

  test('a finance officer reads the money panels and nothing else', async ({ assert }) => {
    const { callA } = await dashboardFixture()
    const figures = await dashboardFigures(
      { callId: callA.id },
      { applications: false, money: true }
    )
    assert.equal(figures.money.committedCentimes, 230_000 * MAD)
    assert.equal(figures.funnel.drafts, 0)
    assert.deepEqual(figures.reviewers.rows, [])
  })
})
