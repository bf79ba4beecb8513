import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type Agreement from '#disbursements/models/agreement'
import { liveMembership } from '#applications/application_members'

/**
 * The beneficiary and finance officers see an agreement, and so do the co-applicants of
 * its application (issue 14), read only and without the payment accounts; only the
 * beneficiary says where
 * the money goes (bank details, Stripe connected account), so that no finance officer
 * alone can redirect a payment. Everyone else does not know it exists (404, see
 * findAgreement).
 */
export default class AgreementPolicy extends BasePolicy {
  async view(user: User, agreement: Agreement) {
    return (
      agreement.beneficiaryId === user.id ||
      user.hasRole('finance_officer') ||
      (await liveMembership(agreement.applicationId, user.id)) !== null
    )
  }

  /** Where the money goes (IBAN's last four, Stripe account): not a co-applicant's business. */
  seePaymentAccounts(user: User, agreement: Agreement) {
    return agreement.beneficiaryId === user.id || user.hasRole('finance_officer')
  }

  editPaymentAccounts(user: User, agreement: Agreement) {
    return agreement.beneficiaryId === user.id
  }

  /** Capital calls, progress reports, milestone evidence: the beneficiary's own. */
  requestTranches(user: User, agreement: Agreement) {
    return agreement.beneficiaryId === user.id && agreement.state === 'active'
  }
}
