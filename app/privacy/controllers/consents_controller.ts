import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { GiveConsent, WithdrawConsent } from '#privacy/actions/manage_consents'
import { consentParamsValidator } from '#privacy/validators/data_request'

/** A person gives or withdraws a consent from their privacy page. */
export default class ConsentsController {
  @inject()
  async store(ctx: HttpContext, giveConsent: GiveConsent) {
    const { purpose } = await consentParamsValidator.validate(ctx.params)
    await giveConsent.handle(ctx.auth.getUserOrFail(), purpose, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('privacy.consents.given'))
    return ctx.response.redirect().toRoute('privacy.show')
  }

  @inject()
  async destroy(ctx: HttpContext, withdrawConsent: WithdrawConsent) {
    const { purpose } = await consentParamsValidator.validate(ctx.params)
    await withdrawConsent.handle(ctx.auth.getUserOrFail(), purpose, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('privacy.consents.withdrawn'))
    return ctx.response.redirect().toRoute('privacy.show')
  }
}
