import db from '@adonisjs/lucid/services/db'
import { trancheLifecycle } from '#disbursements/tranche_lifecycle'
import { lockTrancheWithAgreement } from '#disbursements/tranches'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'

/** A finance officer cancels a tranche not yet in payment, with the reason (audited). */
export class CancelTranche {
  async handle(trancheId: number, reason: string, actor: Actor) {
    return db.transaction(async (client) => {
      const locked = await lockTrancheWithAgreement(trancheId, client)
      if (!locked) throw new DomainError('tranches.errors.not_found', { status: 404 })
      return trancheLifecycle.apply(locked.tranche, 'cancelled', { actor, client, reason })
    })
  }
}
