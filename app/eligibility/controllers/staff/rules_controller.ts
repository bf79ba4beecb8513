import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { currentFormVersion } from '#programmes/form_versions'
import { ruleSetMessages, ruleSetValidator } from '#eligibility/validators/rule_set'
import { SaveRuleSet, ruleSetSavedMessage } from '#eligibility/actions/save_rule_set'
import { loadRulesWorkspace } from '#eligibility/rules_workspace'
import { renderRulesPage } from '#eligibility/controllers/staff/rules_page'
import { actorFrom } from '#core/audit/actor'

/**
 * A call's eligibility rules and auto-score, edited as JSON. Invalid rules are shown
 * again with every problem (status 422) and nothing is saved.
 */
export default class RulesController {
  async edit(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageProgrammes)
    return renderRulesPage(ctx, await loadRulesWorkspace(Number(ctx.params.id)))
  }

  @inject()
  async update(ctx: HttpContext, saveRuleSet: SaveRuleSet) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(ctx.params.id)
    const form = await currentFormVersion(call.id)
    const [error, payload] = await ruleSetValidator.tryValidate(ctx.request.all(), {
      messagesProvider: ruleSetMessages(ctx.i18n),
      meta: { form: form?.definition ?? null },
    })
    if (error) {
      if (ctx.request.accepts(['html', 'json']) === 'json') throw error
      const text = ctx.request.input('rules')
      return renderRulesPage(ctx, await loadRulesWorkspace(call.id), {
        text: typeof text === 'string' ? text : '',
        problems: error.messages.map((problem: { message: string }) => problem.message),
      })
    }
    const saved = await saveRuleSet.handle(call.id, payload.rules, actorFrom(ctx))
    const message = ruleSetSavedMessage(ctx.i18n, saved)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return {
        version: saved.version.version,
        created: saved.created,
        changed: saved.changed,
        message,
      }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.call_rules.edit', { id: call.id })
  }
}
