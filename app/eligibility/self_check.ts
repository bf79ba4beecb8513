import type { LocalizedText } from '#core/i18n/localized_text'
import { compileRuleSet, type EvaluationContext } from '#eligibility/evaluate'
import {
  isConditionGroup,
  type Condition,
  type ConditionGroup,
  type RuleSet,
} from '#eligibility/rule_set'
import {
  FIELD_TYPES,
  type FieldDefinition,
  type FormAnswers,
  type FormDefinition,
} from '#programmes/forms/form_definition'

/**
 * The public "am I eligible?" check of a call page (issue 14): the visitor answers only
 * the questions the eligibility rules read, and the same evaluator as screening gives each
 * rule's verdict. Nothing is stored; it tells, it does not decide.
 */

/** A question the check can ask: answered in one field of the form, not a file or a group. */
const ASKABLE_TYPES = new Set<FieldDefinition['type']>(
  FIELD_TYPES.filter((type) => type !== 'file' && type !== 'group')
)
/** The eligibility conditions, depth first in the order written (the evaluator's order). */
function conditionsOf(group: ConditionGroup, found: Condition[] = []) {
  for (const node of 'all' in group ? group.all : group.any) {
    if (isConditionGroup(node)) conditionsOf(node, found)
    else found.push(node)
  }
  return found
}

/**
 * The self-check's form: the fields of the call's form that the eligibility rules read,
 * in form order and under their sections, none required (a blank answer is "unanswered").
 * Rules on files, groups or fields the form no longer has are left out of it.
 */
export function selfCheckForm(ruleSet: RuleSet, form: FormDefinition): FormDefinition {
  const read = new Set(conditionsOf(ruleSet.eligibility).map((condition) => condition.field))
  const sections = form.sections
    .map((section) => ({
      ...section,
      fields: section.fields
        .filter((field) => ASKABLE_TYPES.has(field.type))
        .filter((field) => read.has(`${section.key}.${field.key}`))
        .map((field) => ({ ...field, required: false })),
    }))
    .filter((section) => section.fields.length > 0)
  return { sections }
}

export type SelfCheckVerdict = 'passed' | 'failed' | 'unanswered' | 'not_checked'

export interface SelfCheckRule {
  id: string
  verdict: SelfCheckVerdict
  /** Whether this rule, failed or unanswered, stands in the way of eligibility. */
  blocking: boolean
  /** The rule's own message: the reason when it fails. */
  message: LocalizedText
}

export interface SelfCheck {
  /** `incomplete`: nothing answered fails, but a question that matters was left blank. */
  outcome: 'likely_eligible' | 'not_eligible' | 'incomplete'
  rules: SelfCheckRule[]
}

/** Evaluates the visitor's answers (as the self-check form's validator returns them). */
export function checkSelfAnswers(
  ruleSet: RuleSet,
  form: FormDefinition,
  answers: FormAnswers,
  context: EvaluationContext
): SelfCheck {
  const asked = new Set(
    selfCheckForm(ruleSet, form).sections.flatMap((section) =>
      section.fields.map((field) => `${section.key}.${field.key}`)
    )
  )
  const fieldOf = new Map(
    conditionsOf(ruleSet.eligibility).map((condition) => [condition.id, condition.field])
  )

  const evaluation = compileRuleSet(ruleSet)(answers, context)
  const rules = evaluation.rules.map((rule): SelfCheckRule => {
    const verdict: SelfCheckVerdict = !asked.has(fieldOf.get(rule.id)!)
      ? 'not_checked'
      : rule.passed
        ? 'passed'
        : rule.actual === null
          ? 'unanswered'
          : 'failed'
    return { id: rule.id, verdict, blocking: rule.blocking, message: rule.message }
  })
  const blockedBy = (verdict: SelfCheckVerdict) =>
    rules.some((rule) => rule.blocking && rule.verdict === verdict)
  const outcome = blockedBy('failed')
    ? 'not_eligible'
    : blockedBy('unanswered')
      ? 'incomplete'
      : 'likely_eligible'
  return { outcome, rules }
}
