import { test } from '@japa/runner'
import { aggregateScores, mean, standardDeviation, type SubmittedScore } from '#reviews/aggregation'

const byId = (scores: SubmittedScore[], threshold = 15) =>
  Object.fromEntries(aggregateScores(scores, threshold).map((item) => [item.applicationId, item]))

test.group('Aggregation of submitted reviews', () => {
  test('mean and population standard deviation of known values', ({ assert }) => {
    assert.equal(mean([60, 70, 80]), 70)
    assert.closeTo(standardDeviation([60, 70, 80]), Math.sqrt(200 / 3), 1e-12)
    assert.equal(standardDeviation([42]), 0)
    assert.equal(mean([]), 0)
  })

  test('per application: count, mean and spread of its reviews', ({ assert }) => {
    const result = byId([
      { applicationId: 1, reviewerId: 10, score: 60 },
      { applicationId: 1, reviewerId: 11, score: 70 },
      { applicationId: 1, reviewerId: 12, score: 80 },
      { applicationId: 2, reviewerId: 10, score: 55 },
    ])
    assert.equal(result[1].reviewCount, 3)
    assert.equal(result[1].meanScore, 70)
    assert.equal(result[1].stdDev, 8.165)
    assert.equal(result[2].reviewCount, 1)
    assert.equal(result[2].stdDev, 0)
  })

  test('z-normalization lifts the best application of a harsh reviewer above a lenient reviewer’s worst', ({
    assert,
  }) => {
    // The harsh reviewer gives 50 and 30, the lenient one 90 and 70: on raw means the
    // harsh reviewer's best (50) ranks below the lenient reviewer's worst (70).
    const result = byId([
      { applicationId: 1, reviewerId: 1, score: 50 },
      { applicationId: 2, reviewerId: 1, score: 30 },
      { applicationId: 3, reviewerId: 2, score: 90 },
      { applicationId: 4, reviewerId: 2, score: 70 },
    ])
    assert.isBelow(result[1].meanScore, result[4].meanScore)
    // Call mean 60, call sd √500; each reviewer's best is z = +1, worst z = −1.
    assert.equal(result[1].normalizedScore, 82.361)
    assert.equal(result[3].normalizedScore, 82.361)
    assert.equal(result[2].normalizedScore, 37.639)
    assert.equal(result[4].normalizedScore, 37.639)
    assert.isAbove(result[1].normalizedScore, result[4].normalizedScore)
  })

  test('a reviewer with one review, or the same score everywhere, counts with raw scores', ({
    assert,
  }) => {
    const result = byId([
      { applicationId: 1, reviewerId: 1, score: 40 },
      { applicationId: 2, reviewerId: 2, score: 75 },
      { applicationId: 3, reviewerId: 2, score: 75 },
      { applicationId: 1, reviewerId: 3, score: 20 },
      { applicationId: 3, reviewerId: 3, score: 80 },
    ])
    // Application 2: only reviewer 2 (sd 0) → its raw score.
    assert.equal(result[2].normalizedScore, 75)
    // Application 1: reviewer 1 (one review) raw 40; reviewer 3 z = −1.
    const all = [40, 75, 75, 20, 80]
    const expected = (40 + (mean(all) - standardDeviation(all))) / 2
    assert.closeTo(result[1].normalizedScore, expected, 0.001)
  })

  test('the disagreement flag is raised only when the spread exceeds the threshold', ({
    assert,
  }) => {
    const scores = [
      { applicationId: 1, reviewerId: 1, score: 50 },
      { applicationId: 1, reviewerId: 2, score: 80 }, // sd 15
      { applicationId: 2, reviewerId: 1, score: 40 },
      { applicationId: 2, reviewerId: 2, score: 90 }, // sd 25
    ]
    const at15 = byId(scores, 15)
    assert.isFalse(at15[1].disagreement, 'exactly at the threshold is not above it')
    assert.isTrue(at15[2].disagreement)
    const at30 = byId(scores, 30)
    assert.isFalse(at30[2].disagreement)
  })

  test('normalized scores stay within 0–100 and nothing is produced without reviews', ({
    assert,
  }) => {
    assert.deepEqual(aggregateScores([], 15), [])
    const result = aggregateScores(
      [
        { applicationId: 1, reviewerId: 1, score: 100 },
        { applicationId: 2, reviewerId: 1, score: 0 },
        { applicationId: 3, reviewerId: 1, score: 0 },
        { applicationId: 4, reviewerId: 1, score: 0 },
      ],
      15
    )
    for (const item of result) {
      assert.isAtLeast(item.normalizedScore, 0)
      assert.isAtMost(item.normalizedScore, 100)
    }
  })
})
