import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { PublishRuleSet } from '#eligibility/actions/publish_rule_set'
import { actorFrom } from '#core/audit/actor'

/** Publishing the working copy of a call's rules: it becomes the version in force. */
export default class RulePublicationsController {
  @inject()
  async store(ctx: HttpContext, publishRuleSet: PublishRuleSet) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(ctx.params.id)
    const published = await publishRuleSet.handle(call.id, actorFrom(ctx))
    const message = ctx.i18n.t('eligibility_staff.publication.published', {
      version: published.version,
    })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { version: published.version, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.call_rules.edit', { id: call.id })
  }
}
