import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageProgrammes } from '#identity/abilities'
import { DecideAppeal } from '#eligibility/actions/decide_appeal'
import { appealDecisionValidator, appealsMessages } from '#eligibility/validators/appeals'
import { actorFrom } from '#core/audit/actor'

/** A programme officer decides an applicant's appeal: eligible after all, or not. */
export default class AppealDecisionsController {
  @inject()
  async store(ctx: HttpContext, decideAppeal: DecideAppeal) {
    await ctx.bouncer.authorize(manageProgrammes)
    const input = await ctx.request.validateUsing(appealDecisionValidator, {
      messagesProvider: appealsMessages(ctx.i18n),
    })
    const application = await decideAppeal.handle(Number(ctx.params.id), input, actorFrom(ctx))
    const message = ctx.i18n.t('appeals.staff.appeal_decided', {
      state: ctx.i18n.t(`applications.states.${application.state}`),
    })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: application.id, state: application.state, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.applications.show', { id: application.id })
  }
}
