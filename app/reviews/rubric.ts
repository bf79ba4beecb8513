import { LOCALES } from '#core/i18n/locales'
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

/** The rubric as an officer edits it: criteria plus the call's review settings. */
export interface RubricSettings {
  criteria: RubricCriterion[]
  scaleMax: number
  reviewsPerApplication: number
  reviewDays: number
  disagreementThreshold: number
  awardThreshold: number
}

/** A problem found in input: the field path (`criteria.1.weight`), an i18n key and its data. */
export interface Problem {
  field: string
  message: string
  data?: Record<string, unknown>
}

export const MAX_CRITERIA = 20
export const MAX_COMMENT = 5_000
const MAX_TEXT = 2_000
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Text as typed, trimmed; anything else is blank. */
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** A number typed with a comma or a dot; NaN when it is not one. */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value !== 'string' || value.trim() === '') return Number.NaN
  return Number(value.trim().replace(',', '.'))
}

function localizedText(value: unknown): LocalizedText {
  const result: LocalizedText = {}
  if (!isRecord(value)) return result
  for (const locale of LOCALES) {
    const typed = text(value[locale])
    if (typed !== '') result[locale] = typed
  }
  return result
}

/** Rows of a repeatable form arrive as an array or as `{ "0": …, "1": … }`. */
function rowsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (isRecord(value)) return Object.values(value)
  return []
}

const rowIsBlank = (row: Record<string, unknown>) =>
  text(row.key) === '' &&
  text(String(row.weight ?? '')) === '' &&
  Object.keys(localizedText(row.label)).length === 0 &&
  Object.keys(localizedText(row.guidance)).length === 0

function boundedNumber(
  input: Record<string, unknown>,
  key: keyof Omit<RubricSettings, 'criteria'>,
  min: number,
  max: number,
  integer: boolean,
  problems: Problem[]
) {
  const value = numberOf(input[key])
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    problems.push({
      field: key,
      message: integer ? 'rubrics.errors.integer' : 'rubrics.errors.number',
    })
  } else if (value < min || value > max) {
    problems.push({ field: key, message: 'rubrics.errors.between', data: { min, max } })
  }
  return value
}

/**
 * Checks a rubric as posted (a repeatable form or JSON) and returns it normalized, or
 * every problem with its exact path. Blank form rows are ignored; the bounds are those
 * of the database's CHECK constraint, so a valid rubric always saves.
 */
export function checkRubric(
  input: unknown
): { rubric: RubricSettings; problems: [] } | { rubric: null; problems: Problem[] } {
  const problems: Problem[] = []
  const source = isRecord(input) ? input : {}
  const scaleMax = boundedNumber(source, 'scaleMax', 1, 100, true, problems)
  const reviewsPerApplication = boundedNumber(
    source,
    'reviewsPerApplication',
    1,
    10,
    true,
    problems
  )
  const reviewDays = boundedNumber(source, 'reviewDays', 1, 90, true, problems)
  const disagreementThreshold = boundedNumber(
    source,
    'disagreementThreshold',
    0,
    100,
    false,
    problems
  )
  const awardThreshold = boundedNumber(source, 'awardThreshold', 0, 100, false, problems)

  const criteria: RubricCriterion[] = []
  const seen = new Set<string>()
  rowsOf(source.criteria).forEach((row, index) => {
    const path = `criteria.${index}`
    if (!isRecord(row)) {
      problems.push({ field: path, message: 'rubrics.errors.criterion_shape' })
      return
    }
    if (rowIsBlank(row)) return
    const key = text(row.key)
    if (!KEY_PATTERN.test(key)) {
      problems.push({ field: `${path}.key`, message: 'rubrics.errors.key_format' })
    } else if (seen.has(key)) {
      problems.push({
        field: `${path}.key`,
        message: 'rubrics.errors.key_duplicate',
        data: { key },
      })
    }
    seen.add(key)
    const weight = numberOf(row.weight)
    if (!Number.isFinite(weight) || weight <= 0 || weight > 100) {
      problems.push({ field: `${path}.weight`, message: 'rubrics.errors.weight' })
    }
    const label = localizedText(row.label)
    const guidance = localizedText(row.guidance)
    if (!label.fr)
      problems.push({ field: `${path}.label.fr`, message: 'rubrics.errors.label_required' })
    for (const [part, value] of [
      ['label', label],
      ['guidance', guidance],
    ] as const) {
      for (const [locale, typed] of Object.entries(value)) {
        if (typed.length > MAX_TEXT) {
          problems.push({
            field: `${path}.${part}.${locale}`,
            message: 'rubrics.errors.too_long',
            data: { max: MAX_TEXT },
          })
        }
      }
    }
    criteria.push({ key, label, guidance, weight })
  })
  if (criteria.length === 0)
    problems.push({ field: 'criteria', message: 'rubrics.errors.no_criteria' })
  if (criteria.length > MAX_CRITERIA) {
    problems.push({
      field: 'criteria',
      message: 'rubrics.errors.too_many',
      data: { max: MAX_CRITERIA },
    })
  }
  if (problems.length) return { rubric: null, problems }
  return {
    rubric: {
      criteria,
      scaleMax,
      reviewsPerApplication,
      reviewDays,
      disagreementThreshold,
      awardThreshold,
    },
    problems: [],
  }
}

/**
 * A draft's scores as typed: only the rubric's criteria, a score that is a number (or
 * nothing), a comment cut to size. Out-of-range scores are kept; submission refuses them.
 */
export function draftScores(criteria: RubricCriterion[], input: unknown): ReviewScores {
  const source = isRecord(input) ? input : {}
  const scores: ReviewScores = {}
  for (const criterion of criteria) {
    const typed = isRecord(source[criterion.key])
      ? (source[criterion.key] as Record<string, unknown>)
      : {}
    const score = numberOf(typed.score)
    scores[criterion.key] = {
      score: Number.isFinite(score) ? score : null,
      comment: text(typed.comment).slice(0, MAX_COMMENT),
    }
  }
  return scores
}

/** Problems that stop a review from being submitted: every criterion scored within the scale. */
export function checkScores(criteria: RubricCriterion[], scaleMax: number, scores: ReviewScores) {
  const problems: Problem[] = []
  for (const criterion of criteria) {
    const score = scores[criterion.key]?.score
    const field = `scores.${criterion.key}.score`
    if (score === null || score === undefined) {
      problems.push({ field, message: 'reviewing.errors.score_required' })
    } else if (score < 0 || score > scaleMax) {
      problems.push({ field, message: 'reviewing.errors.score_between', data: { max: scaleMax } })
    }
  }
  return problems
}

/** The weighted mean of the criteria, mapped from 0..scaleMax onto 0–100 (3 decimals). */
export function weightedScore(criteria: RubricCriterion[], scaleMax: number, scores: ReviewScores) {
  let total = 0
  let weights = 0
  for (const criterion of criteria) {
    total += criterion.weight * (scores[criterion.key]?.score ?? 0)
    weights += criterion.weight
  }
  if (weights === 0) return 0
  return Math.round((total / weights / scaleMax) * 100 * 1000) / 1000
}
