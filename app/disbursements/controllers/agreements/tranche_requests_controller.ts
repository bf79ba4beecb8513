import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { Exception } from '@adonisjs/core/exceptions'
import AgreementPolicy from '#disbursements/policies/agreement_policy'
import Tranche from '#disbursements/models/tranche'
import { findAgreement } from '#disbursements/controllers/agreements/agreement_access'
import { RequestTranche } from '#disbursements/actions/request_tranche'
import { agreementsMessages, trancheRequestValidator } from '#disbursements/validators/agreements'
import { actorFrom } from '#core/audit/actor'

/** The beneficiary asks for a scheduled tranche with its progress report or evidence. */
export default class TrancheRequestsController {
  @inject()
  async store(ctx: HttpContext, requestTranche: RequestTranche) {
    const agreement = await findAgreement(ctx)
    await ctx.bouncer.with(AgreementPolicy).authorize('requestTranches', agreement)
    const tranche = await Tranche.query()
      .where({ id: Number(ctx.params.trancheId) || 0, agreement_id: agreement.id })
      .first()
    if (!tranche) throw new Exception('Tranche not found', { status: 404, code: 'E_NOT_FOUND' })
    const input = await ctx.request.validateUsing(trancheRequestValidator, {
      messagesProvider: agreementsMessages(ctx.i18n),
    })
    const requested = await requestTranche.handle(tranche.id, input, actorFrom(ctx))
    const message = ctx.i18n.t('tranches.flash.requested', { sequence: requested.sequence })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({ id: requested.id, state: requested.state, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
