import type { DateTime } from 'luxon'
import { evaluate, type Evaluation } from '#eligibility/evaluate'
import { evaluationContext } from '#eligibility/evaluation_context'
import type { RuleSet } from '#eligibility/rule_set'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { localize } from '#core/i18n/localized_text'

/**
 * The enrolment states. 'pending': eligible for a merit-selected cohort, waiting for the
 * selection; the others as in the migration.
 */
export const ENROLMENT_STATES = [
  'pending',
  'accepted',
  'waitlisted',
  'ineligible',
  'withdrawn',
  'completed',
  'failed',
] as const
export type EnrolmentState = (typeof ENROLMENT_STATES)[number]

/** States in which the trainee still holds (or waits for) a place and may withdraw. */
export const LIVE_STATES: readonly EnrolmentState[] = ['pending', 'accepted', 'waitlisted']

/**
 * Evaluates a cohort's eligibility rules with the engine of calls (DESIGN §4). For a
 * cohort, relative dates count from its first day: the rule set's `closing_date` anchor
 * is the cohort's start ("18 to 35 years old when the cohort starts"), `submission_date`
 * the day of enrolment. No rules: everyone is eligible, with no score.
 */
export function evaluateEnrolment(
  rules: RuleSet | null,
  answers: FormAnswers,
  cohortStartsOn: DateTime,
  enrolledAt: DateTime
): Evaluation | null {
  if (!rules) return null
  return evaluate(rules, answers, {
    ...evaluationContext(enrolledAt, enrolledAt),
    closingDate: cohortStartsOn.toISODate()!,
  })
}

/** Why an evaluation found the trainee ineligible, in their language. */
export function failedReasons(evaluation: Evaluation | null, locale: string): string[] {
  if (!evaluation) return []
  return evaluation.rules
    .filter((rule) => rule.blocking)
    .map((rule) => localize(rule.message, locale))
}
