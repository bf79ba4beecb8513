import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { trancheLifecycle } from '#disbursements/tranche_lifecycle'
import { inTransaction } from '#core/transactions'
import { lockTrancheWithAgreement } from '#disbursements/tranches'
import { DomainError } from '#core/exceptions/domain_error'
import { nowInCasablanca } from '#core/casablanca_time'
import type { Actor } from '#core/audit/actor'

/**
 * A finance officer checks a requested tranche (the progress report, the evidence, the
 * capital call notice) and signs it as verified; another officer approves it.
 */
export class VerifyTranche {
  async handle(trancheId: number, actor: Actor, outerClient?: TransactionClientContract) {
    return inTransaction(outerClient, async (client) => {
      const locked = await lockTrancheWithAgreement(trancheId, client)
      if (!locked) throw new DomainError('tranches.errors.not_found', { status: 404 })
      const { tranche } = locked
      trancheLifecycle.assert(tranche.state, 'verified')
      tranche.merge({ verifiedBy: actor.id, verifiedAt: nowInCasablanca().toUTC() })
      return trancheLifecycle.apply(tranche, 'verified', { actor, client })
    })
  }
}
