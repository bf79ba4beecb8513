import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type Tranche from '#disbursements/models/tranche'

/**
 * Finance officers verify and approve tranches; four-eyes (DESIGN §6, ASVS 2.3.5):
 * whoever verified a tranche, or asked for it, never approves it. The database CHECK
 * `tranches_four_eyes_check` is the backstop.
 */
export default class TranchePolicy extends BasePolicy {
  verify(user: User, tranche: Tranche) {
    return user.hasRole('finance_officer') && tranche.requestedBy !== user.id
  }

  approve(user: User, tranche: Tranche) {
    if (!user.hasRole('finance_officer')) return false
    if (tranche.verifiedBy === user.id || tranche.requestedBy === user.id) {
      return AuthorizationResponse.deny('four eyes', 403).t('tranches.errors.four_eyes')
    }
    return true
  }

  cancel(user: User, _tranche: Tranche) {
    return user.hasRole('finance_officer')
  }
}
