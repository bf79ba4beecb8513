import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import AgreementPolicy from '#disbursements/policies/agreement_policy'
import { findAgreement } from '#disbursements/controllers/agreements/agreement_access'
import { IssueCapitalCall } from '#disbursements/actions/request_tranche'
import { agreementsMessages, capitalCallValidator } from '#disbursements/validators/agreements'
import { actorFrom } from '#core/audit/actor'

/** The fund manager calls capital against its commitment (a new tranche, requested). */
export default class CapitalCallsController {
  @inject()
  async store(ctx: HttpContext, issueCapitalCall: IssueCapitalCall) {
    const agreement = await findAgreement(ctx)
    await ctx.bouncer.with(AgreementPolicy).authorize('requestTranches', agreement)
    const input = await ctx.request.validateUsing(capitalCallValidator, {
      messagesProvider: agreementsMessages(ctx.i18n),
    })
    const tranche = await issueCapitalCall.handle(
      agreement.id,
      input,
      actorFrom(ctx),
      ctx.i18n.locale
    )
    const message = ctx.i18n.t('tranches.flash.capital_called', { sequence: tranche.sequence })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({ id: tranche.id, state: tranche.state, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
