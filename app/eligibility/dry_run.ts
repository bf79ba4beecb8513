/*
| A dry run compares, application by application, the verdict a rule set would give now
| with the evaluation that currently stands for it. The comparison is plain arithmetic
| over what it is given (no database): `DryRunComparison` takes the applications one at a
| time, so a whole call can be streamed through it in batches.
*/

export interface Verdict {
  eligible: boolean
  /** 0–100, two decimals. */
  score: number
}

export interface DryRunItem {
  applicationId: number
  reference: string | null
  title: string | null
  /** The stored evaluation that stands for it; null when it was never evaluated. */
  before: Verdict | null
  /** What the rule set being tried says. */
  after: Verdict
  /** An officer decided its verdict by hand: re-evaluating the call leaves its state alone. */
  decidedByHand: boolean
}

export interface VerdictChange {
  applicationId: number
  reference: string | null
  title: string | null
  before: Verdict
  after: Verdict
  decidedByHand: boolean
}

/**
 * Score shift buckets, in points (new score − stored score), symmetric around no change:
 * below −20, −20 up to −5, −5 to 5 (both included), above 5 up to 20, above 20.
 */
export const SHIFT_BUCKETS = [
  { key: 'drop_large', from: -100, to: -20 },
  { key: 'drop', from: -20, to: -5 },
  { key: 'steady', from: -5, to: 5 },
  { key: 'rise', from: 5, to: 20 },
  { key: 'rise_large', from: 20, to: 100 },
] as const

export interface ShiftBucket {
  key: (typeof SHIFT_BUCKETS)[number]['key']
  from: number
  to: number
  count: number
}

export interface DryRunSummary {
  /** Submitted applications looked at (drafts and withdrawn ones are not). */
  total: number
  /** Those with a stored evaluation, which the "before" figures are about. */
  evaluated: number
  eligibleNow: number
  eligibleBefore: number
  /** Ineligible under their stored evaluation, eligible under the rules tried. */
  becomeEligible: number
  /** Eligible under their stored evaluation, ineligible under the rules tried. */
  becomeIneligible: number
  /** Mean over every application; null when there is none. */
  averageScoreNow: number | null
  /** Mean of the stored scores; null when none was evaluated. */
  averageScoreBefore: number | null
  /** Shifts of the applications with a stored evaluation, one bucket each. */
  shifts: ShiftBucket[]
  /** The first applications (by id) whose verdict would change, at most `changeLimit`. */
  changes: VerdictChange[]
}

/** In hundredths of a point, so that sums and differences stay exact integers. */
const hundredths = (score: number) => Math.round(score * 100)

/** The bucket of a shift given in hundredths of a point. */
export function shiftBucketOf(shiftHundredths: number): number {
  if (shiftHundredths < -2000) return 0
  if (shiftHundredths < -500) return 1
  if (shiftHundredths <= 500) return 2
  if (shiftHundredths <= 2000) return 3
  return 4
}

const average = (sumHundredths: number, count: number) =>
  count === 0 ? null : Math.round(sumHundredths / count) / 100

export class DryRunComparison {
  private total = 0
  private evaluated = 0
  private eligibleNow = 0
  private eligibleBefore = 0
  private becomeEligible = 0
  private becomeIneligible = 0
  private scoreNow = 0
  private scoreBefore = 0
  private shiftCounts = SHIFT_BUCKETS.map(() => 0)
  private changes: VerdictChange[] = []

  constructor(private readonly changeLimit = 20) {}

  add(item: DryRunItem) {
    this.total++
    this.scoreNow += hundredths(item.after.score)
    if (item.after.eligible) this.eligibleNow++
    const before = item.before
    if (before === null) return
    this.evaluated++
    this.scoreBefore += hundredths(before.score)
    if (before.eligible) this.eligibleBefore++
    this.shiftCounts[shiftBucketOf(hundredths(item.after.score) - hundredths(before.score))]++
    if (before.eligible === item.after.eligible) return
    if (item.after.eligible) this.becomeEligible++
    else this.becomeIneligible++
    if (this.changes.length < this.changeLimit) {
      this.changes.push({
        applicationId: item.applicationId,
        reference: item.reference,
        title: item.title,
        before,
        after: item.after,
        decidedByHand: item.decidedByHand,
      })
    }
  }

  summary(): DryRunSummary {
    return {
      total: this.total,
      evaluated: this.evaluated,
      eligibleNow: this.eligibleNow,
      eligibleBefore: this.eligibleBefore,
      becomeEligible: this.becomeEligible,
      becomeIneligible: this.becomeIneligible,
      averageScoreNow: average(this.scoreNow, this.total),
      averageScoreBefore: average(this.scoreBefore, this.evaluated),
      shifts: SHIFT_BUCKETS.map((bucket, index) => ({ ...bucket, count: this.shiftCounts[index] })),
      changes: [...this.changes],
    }
  }
}

/** Compares a whole list at once (the dry run streams instead). */
export function compareVerdicts(items: Iterable<DryRunItem>, changeLimit = 20): DryRunSummary {
  const comparison = new DryRunComparison(changeLimit)
  for (const item of items) comparison.add(item)
  return comparison.summary()
}
