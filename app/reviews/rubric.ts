import type { LocalizedText } from '#core/i18n/localized_text'

/** One weighted criterion of a call's scoring rubric (DESIGN §5). */
export interface RubricCriterion {
  key: string
  label: LocalizedText
  guidance: LocalizedText
  /** Relative weight (> 0); weights need not sum to anything. */
  weight: number
}

/** A reviewer's scores by criterion key, kept as typed while the review is a draft. */
export type ReviewScores = Record<string, { score: number | null; comment: string }>
