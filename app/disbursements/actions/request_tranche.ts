import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTransaction } from '#core/transactions'
import type { Infer } from '@vinejs/vine/types'
import Agreement from '#disbursements/models/agreement'
import Tranche from '#disbursements/models/tranche'
import { trancheLifecycle } from '#disbursements/tranche_lifecycle'
import {
  lockTrancheWithAgreement,
  trancheIdempotencyKey,
  type StatefulTranche,
} from '#disbursements/tranches'
import { scheduledOnAgreement } from '#disbursements/ledger'
import type {
  capitalCallValidator,
  trancheRequestValidator,
} from '#disbursements/validators/agreements'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import { nowInCasablanca } from '#core/casablanca_time'
import { Money } from '#core/money'
import type { Actor } from '#core/audit/actor'

/**
 * The beneficiary asks for a scheduled tranche: a stipend month with that month's
 * progress report (not before the month has come), a startup milestone with its
 * evidence. A finance officer then verifies it.
 */
export class RequestTranche {
  async handle(
    trancheId: number,
    { note }: Infer<typeof trancheRequestValidator>,
    actor: Actor,
    outerClient?: TransactionClientContract
  ) {
    return inTransaction(outerClient, async (client) => {
      const locked = await lockTrancheWithAgreement(trancheId, client)
      if (!locked) throw new DomainError('tranches.errors.not_found', { status: 404 })
      const { agreement, tranche } = locked
      if (agreement.kind === 'vc_call') {
        throw new DomainError('tranches.errors.capital_calls_only', { status: 409 })
      }
      const today = nowInCasablanca().toISODate()!
      if (
        agreement.kind === 'living_grant' &&
        tranche.dueOn &&
        tranche.dueOn.toISODate()! > today
      ) {
        throw new DomainError('tranches.errors.month_not_started', {
          status: 409,
          data: { date: tranche.dueOn.toISODate() },
        })
      }
      tranche.merge({
        requestNote: note,
        requestedBy: actor.id,
        requestedAt: nowInCasablanca().toUTC(),
      })
      return trancheLifecycle.apply(tranche, 'requested', { actor, client })
    })
  }
}

/**
 * A fund manager issues a capital call against the commitment: a new tranche, requested
 * at once, of an amount no larger than what the commitment has left (under the
 * agreement's lock, so two calls at once cannot both take the last dirham).
 */
export class IssueCapitalCall {
  async handle(
    agreementId: number,
    { amount, purpose }: Infer<typeof capitalCallValidator>,
    actor: Actor,
    locale: string
  ) {
    return db.transaction(async (client) => {
      const agreement = await Agreement.query({ client })
        .where('id', agreementId)
        .forUpdate()
        .firstOrFail()
      if (agreement.kind !== 'vc_call') {
        throw new DomainError('tranches.errors.not_a_commitment', { status: 409 })
      }
      const remaining = agreement.totalCentimes - (await scheduledOnAgreement(client, agreement.id))
      if (amount <= 0 || amount > remaining) {
        throw new InvalidFields([
          {
            field: 'amount',
            message: 'tranches.errors.beyond_commitment',
            data: { remaining: Money.ofCentimes(Math.max(remaining, 0)).format(locale) },
          },
        ])
      }
      const last = await client
        .from('tranches')
        .where('agreement_id', agreement.id)
        .max('sequence as sequence')
        .first()
      const sequence = Number(last?.sequence ?? 0) + 1
      const tranche = (await Tranche.create(
        {
          agreementId: agreement.id,
          callId: agreement.callId,
          sequence,
          amountCentimes: amount,
          dueOn: nowInCasablanca().startOf('day'),
          milestone: {},
          state: 'planned',
          idempotencyKey: trancheIdempotencyKey(agreement.id, sequence),
        },
        { client }
      )) as StatefulTranche
      tranche.merge({
        requestNote: purpose,
        requestedBy: actor.id,
        requestedAt: nowInCasablanca().toUTC(),
      })
      return trancheLifecycle.apply(tranche, 'requested', {
        actor,
        client,
        metadata: { capitalCall: true, amountCentimes: amount },
      })
    })
  }
}
