/**
 * Aggregation of a call's submitted reviews (DESIGN §5), as pure functions.
 *
 * Per application: the mean of its reviews' weighted scores (0–100), their standard
 * deviation, and a normalized score that corrects harsh or lenient reviewers. Each
 * reviewer's scores are standardized over all their submitted reviews of the call
 * (z = (score − their mean) / their sd), the z-scores are averaged per application and
 * mapped back onto 0–100 with the call's overall mean and sd. A reviewer with fewer than
 * two reviews, or who gave everything the same score, cannot be standardized: their raw
 * score counts as it is. Standard deviations are population ones (divide by n).
 */
export interface SubmittedScore {
  applicationId: number
  reviewerId: number
  /** The review's weighted score, 0–100. */
  score: number
}

export interface ApplicationAggregate {
  applicationId: number
  reviewCount: number
  meanScore: number
  stdDev: number
  normalizedScore: number
  disagreement: boolean
}

export function mean(values: number[]) {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0
}

export function standardDeviation(values: number[]) {
  if (values.length < 2) return 0
  const average = mean(values)
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)))
}

const round3 = (value: number) => Math.round(value * 1000) / 1000
const clampScore = (value: number) => Math.min(100, Math.max(0, value))
/** Below this, a spread is rounding noise, not a reviewer's habit. */
const EPSILON = 1e-9

function groupBy<K>(scores: SubmittedScore[], keyOf: (score: SubmittedScore) => K) {
  const groups = new Map<K, SubmittedScore[]>()
  for (const score of scores) {
    const key = keyOf(score)
    const group = groups.get(key)
    if (group) group.push(score)
    else groups.set(key, [score])
  }
  return groups
}

/** The aggregates of every application with at least one submitted review, by id. */
export function aggregateScores(
  scores: SubmittedScore[],
  disagreementThreshold: number
): ApplicationAggregate[] {
  const all = scores.map((item) => item.score)
  const callMean = mean(all)
  const callSd = standardDeviation(all)

  const reviewerStats = new Map<number, { mean: number; sd: number; standardizable: boolean }>()
  for (const [reviewerId, own] of groupBy(scores, (item) => item.reviewerId)) {
    const values = own.map((item) => item.score)
    const sd = standardDeviation(values)
    reviewerStats.set(reviewerId, {
      mean: mean(values),
      sd,
      standardizable: values.length >= 2 && sd > EPSILON && callSd > EPSILON,
    })
  }

  const aggregates: ApplicationAggregate[] = []
  for (const [applicationId, reviews] of groupBy(scores, (item) => item.applicationId)) {
    const values = reviews.map((item) => item.score)
    const stdDev = standardDeviation(values)
    // Each review on the call's scale: the reviewer's z-score mapped back, or its raw score.
    const corrected = reviews.map((review) => {
      const stats = reviewerStats.get(review.reviewerId)!
      return stats.standardizable
        ? callMean + ((review.score - stats.mean) / stats.sd) * callSd
        : review.score
    })
    aggregates.push({
      applicationId,
      reviewCount: reviews.length,
      meanScore: round3(mean(values)),
      stdDev: round3(stdDev),
      normalizedScore: round3(clampScore(mean(corrected))),
      disagreement: stdDev > disagreementThreshold,
    })
  }
  return aggregates.sort((a, b) => a.applicationId - b.applicationId)
}
