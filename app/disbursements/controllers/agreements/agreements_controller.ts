import type { HttpContext } from '@adonisjs/core/http'
import AgreementPolicy from '#disbursements/policies/agreement_policy'
import { findAgreement } from '#disbursements/controllers/agreements/agreement_access'
import { TRANCHE_TONES, agreementPage, agreementsOf } from '#disbursements/agreement_pages'
import { toAgreementJson } from '#disbursements/transformers/agreement_transformer'

/** The beneficiary's agreements and one agreement's schedule (finance officers see it too). */
export default class AgreementsController {
  async index({ view, auth }: HttpContext) {
    const agreements = await agreementsOf(auth.getUserOrFail())
    return view.render('pages/disbursements/agreements/index', {
      agreements,
      tones: TRANCHE_TONES,
    })
  }

  async show(ctx: HttpContext) {
    const agreement = await findAgreement(ctx)
    const page = await agreementPage(agreement)
    const policy = ctx.bouncer.with(AgreementPolicy)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      const json = toAgreementJson(agreement)
      if (await policy.allows('seePaymentAccounts', agreement)) return json
      const { accountHolder, ibanLast4, stripeAccountId, ...withoutAccounts } = json
      return withoutAccounts
    }
    return ctx.view.render('pages/disbursements/agreements/show', {
      agreement,
      ...page,
      tones: TRANCHE_TONES,
      isBeneficiary: await policy.allows('editPaymentAccounts', agreement),
      showPaymentAccounts: await policy.allows('seePaymentAccounts', agreement),
      canRequest: await policy.allows('requestTranches', agreement),
    })
  }
}
