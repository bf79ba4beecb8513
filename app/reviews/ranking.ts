/**
 * Ranking and award within the envelope (DESIGN §5), as pure functions over plain data:
 * the award action reads the candidates under the call's row lock and applies the result.
 */

/** The award threshold when a call has no rubric yet (0–100 scale). */
export const DEFAULT_AWARD_THRESHOLD = 60

export interface RankingCandidate {
  applicationId: number
  /** The latest session consensus if any, else the normalized aggregate (0–100). */
  finalScore: number
  meanScore: number
  /** Epoch milliseconds of the submission. */
  submittedAt: number
  /** The amount an award would commit, in centimes (0 when the answers give none). */
  amountCentimes: number
}

/**
 * Total order: higher final score, then higher mean, then earlier submission, then lower
 * id. Every key is a value of the application, so the order never depends on the input's.
 */
export function compareCandidates(a: RankingCandidate, b: RankingCandidate) {
  return (
    b.finalScore - a.finalScore ||
    b.meanScore - a.meanScore ||
    a.submittedAt - b.submittedAt ||
    a.applicationId - b.applicationId
  )
}

/**
 * Candidates at or above the threshold, ranked (`rank` from 1); the others, in the same
 * order.
 */
export function rank<C extends RankingCandidate>(candidates: readonly C[], threshold: number) {
  const sorted = [...candidates].sort(compareCandidates)
  const ranked: Array<C & { rank: number }> = []
  const below: C[] = []
  for (const candidate of sorted) {
    if (candidate.finalScore >= threshold) ranked.push({ ...candidate, rank: ranked.length + 1 })
    else below.push(candidate)
  }
  return { ranked, below }
}

export interface EnvelopeSelection<C extends { amountCentimes: number }> {
  awarded: C[]
  /** Ordered reserve list: everything not awarded, in ranking order. */
  reserve: C[]
  committedCentimes: number
  remainingCentimes: number
}

/**
 * Greedy by rank: each candidate whose amount fits what is left is awarded; one that does
 * not fit goes to the reserve and the next ones are still considered (a smaller request
 * further down may fit). Never commits more than `availableCentimes`.
 */
export function selectWithinEnvelope<C extends { amountCentimes: number }>(
  ranked: readonly C[],
  availableCentimes: number
): EnvelopeSelection<C> {
  const awarded: C[] = []
  const reserve: C[] = []
  let remaining = Math.max(0, availableCentimes)
  for (const candidate of ranked) {
    const amount = candidate.amountCentimes
    if (Number.isSafeInteger(amount) && amount > 0 && amount <= remaining) {
      awarded.push(candidate)
      remaining -= amount
    } else {
      reserve.push(candidate)
    }
  }
  return {
    awarded,
    reserve,
    committedCentimes: Math.max(0, availableCentimes) - remaining,
    remainingCentimes: remaining,
  }
}
