import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageProgrammes } from '#identity/abilities'
import { loadRulesWorkspace } from '#eligibility/rules_workspace'
import { DryRunRuleSet } from '#eligibility/actions/dry_run_rule_set'
import { renderRulesPage } from '#eligibility/controllers/staff/rules_page'

/**
 * A dry run of the working copy on the call's submitted applications: what would change
 * against their stored evaluations. Nothing is written; the result is shown on the rules
 * page.
 */
export default class RuleDryRunsController {
  @inject()
  async store(ctx: HttpContext, dryRunRuleSet: DryRunRuleSet) {
    await ctx.bouncer.authorize(manageProgrammes)
    const workspace = await loadRulesWorkspace(Number(ctx.params.id))
    const dryRun = await dryRunRuleSet.handle(workspace.call, workspace.rules)
    return renderRulesPage(ctx, workspace, { dryRun })
  }
}
