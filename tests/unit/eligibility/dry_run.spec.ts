import { test } from '@japa/runner'
import {
  compareVerdicts,
  DryRunComparison,
  shiftBucketOf,
  type DryRunItem,
} from '#eligibility/dry_run'

let nextId = 1

function item(
  before: [boolean, number] | null,
  after: [boolean, number],
  decidedByHand = false
): DryRunItem {
  const id = nextId++
  return {
    applicationId: id,
    reference: `SM-2026-${String(id).padStart(6, '0')}`,
    title: null,
    before: before && { eligible: before[0], score: before[1] },
    after: { eligible: after[0], score: after[1] },
    decidedByHand,
  }
}

test.group('Dry run comparison', () => {
  test('counts verdicts now and before, and the changes each way', ({ assert }) => {
    const summary = compareVerdicts([
      item([true, 80], [true, 80]),
      item([true, 60], [false, 30]),
      item([false, 20], [true, 45]),
      item([false, 10], [false, 10]),
      item(null, [true, 70]),
    ])
    assert.equal(summary.total, 5)
    assert.equal(summary.evaluated, 4)
    assert.equal(summary.eligibleNow, 3)
    assert.equal(summary.eligibleBefore, 2)
    assert.equal(summary.becomeEligible, 1)
    assert.equal(summary.becomeIneligible, 1)
  })

  test('averages in hundredths: now over every application, before over the evaluated ones', ({
    assert,
  }) => {
    const summary = compareVerdicts([
      item([true, 33.33], [true, 10.1]),
      item([true, 33.33], [true, 20.2]),
      item([true, 33.34], [true, 30.3]),
      item(null, [true, 0.01]),
    ])
    assert.equal(summary.averageScoreBefore, 33.33)
    // (10.1 + 20.2 + 30.3 + 0.01) / 4 = 15.1525 → 15.15, with no float drift.
    assert.equal(summary.averageScoreNow, 15.15)
  })

  test('with nothing to compare, the averages are unknown rather than zero', ({ assert }) => {
    const empty = compareVerdicts([])
    assert.isNull(empty.averageScoreNow)
    assert.isNull(empty.averageScoreBefore)
    assert.deepEqual(
      empty.shifts.map((bucket) => bucket.count),
      [0, 0, 0, 0, 0]
    )
    const neverEvaluated = compareVerdicts([item(null, [false, 0])])
    assert.equal(neverEvaluated.averageScoreNow, 0)
    assert.isNull(neverEvaluated.averageScoreBefore)
  })

  test('score shifts fall in symmetric buckets, bounds on the side of no change', ({ assert }) => {
    const shifts = [-100, -20.01, -20, -5.01, -5, 0, 5, 5.01, 20, 20.01, 100]
    assert.deepEqual(
      shifts.map((shift) => shiftBucketOf(Math.round(shift * 100))),
      [0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4]
    )
    const summary = compareVerdicts([
      item([true, 90], [true, 10]), // −80
      item([true, 50], [true, 40]), // −10
      item([true, 50], [true, 54.99]), // +4.99
      item([true, 50], [true, 50]), // 0
      item([true, 40], [true, 60]), // +20
      item([true, 0], [true, 100]), // +100
      item(null, [true, 100]), // no stored score: no shift
    ])
    assert.deepEqual(
      summary.shifts.map((bucket) => [bucket.key, bucket.count]),
      [
        ['drop_large', 1],
        ['drop', 1],
        ['steady', 2],
        ['rise', 1],
        ['rise_large', 1],
      ]
    )
  })

  test('lists the first changes only, in the order given, with who decided by hand', ({
    assert,
  }) => {
    const comparison = new DryRunComparison(2)
    const items = [
      item([true, 50], [true, 50]),
      item([true, 50], [false, 50], true),
      item([false, 50], [true, 50]),
      item([false, 50], [true, 50]),
    ]
    for (const each of items) comparison.add(each)
    const summary = comparison.summary()
    assert.deepEqual(
      summary.changes.map((change) => [change.applicationId, change.decidedByHand]),
      [
        [items[1].applicationId, true],
        [items[2].applicationId, false],
      ]
    )
    assert.deepEqual(summary.changes[0].before, { eligible: true, score: 50 })
    assert.deepEqual(summary.changes[0].after, { eligible: false, score: 50 })
    assert.equal(summary.becomeEligible + summary.becomeIneligible, 3)
  })
})
