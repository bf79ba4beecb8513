import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import AgreementPolicy from '#disbursements/policies/agreement_policy'
import { findAgreement } from '#disbursements/controllers/agreements/agreement_access'
import { SaveStripeAccount } from '#disbursements/actions/save_stripe_account'
import { agreementsMessages, stripeAccountValidator } from '#disbursements/validators/agreements'
import { actorFrom } from '#core/audit/actor'

/** The beneficiary's Stripe connected account on their agreement, behind their password. */
export default class StripeAccountsController {
  @inject()
  async update(ctx: HttpContext, saveStripeAccount: SaveStripeAccount) {
    const agreement = await findAgreement(ctx)
    await ctx.bouncer.with(AgreementPolicy).authorize('editPaymentAccounts', agreement)
    const input = await ctx.request.validateUsing(stripeAccountValidator, {
      messagesProvider: agreementsMessages(ctx.i18n),
    })
    const saved = await saveStripeAccount.handle(
      ctx.auth.getUserOrFail(),
      agreement.id,
      input,
      actorFrom(ctx)
    )
    const message = ctx.i18n.t('agreements.stripe.saved', { account: saved.stripeAccountId })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: saved.id, stripeAccountId: saved.stripeAccountId, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('agreements.show', { id: saved.id })
  }
}
