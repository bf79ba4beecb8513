import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageProgrammes } from '#identity/abilities'
import { DomainError } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'
import { SaveRuleSet, ruleSetSavedMessage } from '#eligibility/actions/save_rule_set'
import { loadRulesWorkspace, type RulesWorkspace } from '#eligibility/rules_workspace'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { OPERATORS } from '#eligibility/rule_set'
import {
  applyRulesCommand,
  operatorsFor,
  ruleFieldsOf,
  rulesBuilderFromPost,
  rulesBuilderOf,
  ruleSetOfBuilder,
  type RulesBuilder,
} from '#eligibility/rules_builder'
import { placeProblems, problemsAt, type PlacedProblem } from '#programmes/forms/form_builder'

/**
 * A call's eligibility conditions and auto-score criteria, edited visually: fields chosen
 * from the call's form, the operators that fit them, values and messages in four
 * languages. Like the visual form editor, every button posts the whole set (no JavaScript
 * needed) and nothing is stored before "Save", which goes through the same checker and
 * the same action as the JSON tab. Nested condition groups stay with the JSON tab.
 */
export default class RuleBuildersController {
  private render(
    { view, response }: HttpContext,
    workspace: RulesWorkspace,
    state: { rules?: RulesBuilder; problems?: PlacedProblem[] } = {}
  ) {
    const problems = state.problems ?? []
    if (problems.length > 0) response.status(422)
    const definition = workspace.form?.definition
    return view.render('pages/eligibility/staff/rules/builder', {
      ...workspace,
      builder: state.rules ?? rulesBuilderOf(workspace.rules),
      problems,
      problemsAt: (path: string, exact?: boolean) => problemsAt(problems, path, exact),
      ruleFields: ruleFieldsOf(definition),
      operatorsFor: (path: string) => operatorsFor(path, definition),
      allOperators: OPERATORS,
    })
  }

  async edit(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageProgrammes)
    return this.render(ctx, await loadRulesWorkspace(Number(ctx.params.id)))
  }

  @inject()
  async update(ctx: HttpContext, saveRuleSet: SaveRuleSet) {
    await ctx.bouncer.authorize(manageProgrammes)
    const workspace = await loadRulesWorkspace(Number(ctx.params.id))
    if (!workspace.editable) {
      throw new DomainError('eligibility_staff.read_only_error', { status: 409 })
    }
    const state = rulesBuilderFromPost(ctx.request.all())
    const command = ctx.request.input('command')
    if (command !== 'save') {
      applyRulesCommand(state, command)
      return this.render(ctx, workspace, { rules: state })
    }
    const rules = ruleSetOfBuilder(state, workspace.form?.definition)
    const problems = checkRuleSet(rules, workspace.form?.definition)
    if (problems.length > 0) {
      return this.render(ctx, workspace, { rules: state, problems: placeRuleProblems(problems) })
    }
    const saved = await saveRuleSet.handle(workspace.call.id, rules, actorFrom(ctx))
    ctx.session.flash('success', ruleSetSavedMessage(ctx.i18n, saved))
    return ctx.response.redirect().toRoute('staff.rule_builders.edit', { id: workspace.call.id })
  }
}

/** Each problem with the block it is shown in: a condition (`c-0`) or a criterion (`k-1`). */
function placeRuleProblems(problems: Array<{ path: string; message: string }>) {
  return placeProblems(problems).map((problem) => {
    const condition = /^eligibility\.(?:all|any)\[(\d+)\]/.exec(problem.path)
    const criterion = /^scoring\[(\d+)\]/.exec(problem.path)
    return {
      ...problem,
      anchor: condition ? `c-${condition[1]}` : criterion ? `k-${criterion[1]}` : 'rules-builder',
    }
  })
}
