import type { HttpContext } from '@adonisjs/core/http'
import type { RulesWorkspace } from '#eligibility/rules_workspace'
import { OPERATOR_EXAMPLES, prettyRuleSet, summarizeCallRules } from '#eligibility/rule_summary'
import type { DryRunSummary } from '#eligibility/dry_run'

export interface RulesPageState {
  /** The text the officer sent, shown again when it was refused. */
  text?: string
  /** Why it was refused, one line per problem (status 422). */
  problems?: string[]
  dryRun?: DryRunSummary
}

/**
 * The officers' rules page: the working copy as JSON and in words, the versions, the
 * publication, the dry run and the operators' help. Rendered (not redirected to) after a
 * refused save or a dry run, so that neither long rules nor results travel through the
 * session cookie.
 */
export function renderRulesPage(
  ctx: HttpContext,
  workspace: RulesWorkspace,
  state: RulesPageState = {}
) {
  const { call, rules, form } = workspace
  if (state.problems?.length) ctx.response.status(422)
  return ctx.view.render('pages/eligibility/staff/rules/edit', {
    ...workspace,
    text: state.text ?? prettyRuleSet(rules),
    problems: state.problems ?? [],
    staleProblems: workspace.problems.map((problem) =>
      ctx.i18n.t('eligibility_staff.validator.ruleSet', { ...problem })
    ),
    // The summary describes what is saved; a refused text has none.
    summary: summarizeCallRules(rules, call, form?.definition, ctx.i18n),
    operatorExamples: OPERATOR_EXAMPLES,
    dryRun: state.dryRun ?? null,
    canPublish:
      workspace.editable &&
      workspace.workingCopy !== null &&
      !workspace.workingCopy.isPublished &&
      workspace.problems.length === 0,
  })
}
