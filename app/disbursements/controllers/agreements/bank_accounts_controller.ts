import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import AgreementPolicy from '#disbursements/policies/agreement_policy'
import { findAgreement } from '#disbursements/controllers/agreements/agreement_access'
import { SaveBankDetails } from '#disbursements/actions/save_bank_details'
import { agreementsMessages, bankDetailsValidator } from '#disbursements/validators/agreements'
import { actorFrom } from '#core/audit/actor'

/** The beneficiary's bank account on their agreement, behind their password. */
export default class BankAccountsController {
  @inject()
  async update(ctx: HttpContext, saveBankDetails: SaveBankDetails) {
    const agreement = await findAgreement(ctx)
    await ctx.bouncer.with(AgreementPolicy).authorize('editPaymentAccounts', agreement)
    const input = await ctx.request.validateUsing(bankDetailsValidator, {
      messagesProvider: agreementsMessages(ctx.i18n),
    })
    const saved = await saveBankDetails.handle(
      ctx.auth.getUserOrFail(),
      agreement.id,
      input,
      actorFrom(ctx)
    )
    const message = ctx.i18n.t('agreements.bank.saved', { last4: saved.ibanLast4 })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: saved.id, last4: saved.ibanLast4, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('agreements.show', { id: saved.id })
  }
}
