import type { I18n } from '@adonisjs/i18n'
import type RuleSetVersion from '#eligibility/models/rule_set_version'
import {
  summarizeCallRules,
  type ConditionSummary,
  type GroupSummary,
} from '#eligibility/rule_summary'
import { publishedRuleSet } from '#eligibility/rule_set_versions'
import { selfCheckForm } from '#eligibility/self_check'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { currentFormVersion } from '#programmes/form_versions'
import type Call from '#programmes/models/call'

/**
 * What a public call page shows of its published rules: the conditions in words (the
 * officers' summary, in the visitor's language) and the self-check's questions. Null
 * before rules are published: the page then promises nothing.
 */
export function publicCallRules(
  published: RuleSetVersion | null,
  call: Call,
  form: FormDefinition | null | undefined,
  i18n: I18n
) {
  if (!published || !form) return null
  const ruleSet = published.rules
  const summary = summarizeCallRules(ruleSet, call, form, i18n)
  return {
    ruleSet,
    form,
    summary,
    /** Each condition in words by id, to name the self-check's verdicts. */
    conditionTexts: Object.fromEntries(
      conditionsOf(summary.eligibility).map((node) => [node.id, node.text])
    ),
    checkForm: selfCheckForm(ruleSet, form),
  }
}

function conditionsOf(group: GroupSummary): ConditionSummary[] {
  return group.nodes.flatMap((node) => (node.kind === 'group' ? conditionsOf(node) : [node]))
}

export async function loadPublicCallRules(call: Call, i18n: I18n) {
  const [published, formVersion] = await Promise.all([
    publishedRuleSet(call.id),
    currentFormVersion(call.id),
  ])
  return publicCallRules(published, call, formVersion?.definition, i18n)
}
