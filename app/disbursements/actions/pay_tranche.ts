import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import type Stripe from 'stripe'
import { recordAudit } from '#core/audit/audit_trail'
import { SYSTEM_ACTOR, type Actor } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import {
  StripeRail,
  isTransientStripeError,
  transferSettles,
} from '#disbursements/rails/stripe_rail'
import {
  assertWithinBudget,
  failTranche,
  lockPaymentScope,
  settleTranchePaid,
} from '#disbursements/payouts'

export const PAY_TRANCHE_JOB = 'payments.pay_tranche'

export interface PayTrancheInput {
  trancheId: number
  actor?: Actor
}

export type PayTrancheOutcome =
  | { outcome: 'paid'; transferId: string }
  | { outcome: 'already_settled'; state: string }
  | { outcome: 'not_payable'; state: string }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'failed'; reason: string }

/**
 * A claim older than this is not resumed: Stripe forgets idempotency keys after 24 hours,
 * so a retry after that could pay twice. Such a tranche waits for an officer.
 */
const RESUMABLE_FOR_HOURS = 23

/**
 * Pays one approved tranche through Stripe (DESIGN §6, §10). The guarded update
 * `approved → submitting` is the claim: of any number of concurrent attempts, one wins.
 * A tranche left `submitting` without a transfer (a worker killed after calling Stripe)
 * is resumed with the same derived idempotency key, so Stripe replays the first transfer
 * rather than making a second one. A created transfer settles the tranche; a refused one
 * fails it; a transient error is thrown, for the job to be retried.
 */
@inject()
export class PayTranche {
  constructor(protected rail: StripeRail) {}

  async handle({ trancheId, actor = SYSTEM_ACTOR }: PayTrancheInput): Promise<PayTrancheOutcome> {
    try {
      await this.claim(trancheId, actor)
    } catch (error) {
      if (error instanceof DomainError) return { outcome: 'refused', reason: error.translationKey }
      throw error
    }

    const payable = await this.payableTranche(trancheId)
    if (!payable.ok) return payable.outcome

    let transfer: Stripe.Transfer
    try {
      transfer = await this.sendTransfer(payable.request)
    } catch (error) {
      if (isTransientStripeError(error)) throw error
      const reason = error instanceof Error ? error.message : String(error)
      await db.transaction((client) => failTranche(client, trancheId, reason, actor))
      return { outcome: 'failed', reason }
    }
    return this.settle(trancheId, transfer, actor)
  }

  /** Calls Stripe; a seam for tests that stop a worker right after it. */
  protected sendTransfer(request: Parameters<StripeRail['createTransfer']>[0]) {
    return this.rail.createTransfer(request)
  }

  /**
   * approved → submitting, guarded, audited, within the award and the call's budget. The
   * call and agreement are locked first (the order every disbursement writer follows).
   */
  protected async claim(trancheId: number, actor: Actor) {
    const scope = await db
      .from('tranches')
      .where('id', trancheId)
      .where('state', 'approved')
      .select('agreement_id', 'call_id')
      .first()
    if (!scope) return
    await db.transaction(async (client) => {
      const ids = { agreementIds: [scope.agreement_id], callIds: [scope.call_id] }
      await lockPaymentScope(client, ids)
      const { rows } = await client.rawQuery(
        `UPDATE tranches SET state = 'submitting', failure_reason = NULL, updated_at = now()
          WHERE id = ? AND state = 'approved' AND (batch_id IS NULL OR batch_id IN
            (SELECT id FROM payment_batches WHERE rail = 'stripe'))
          RETURNING id`,
        [trancheId]
      )
      if (rows.length === 0) return
      await assertWithinBudget(client, ids)
      await recordAudit(
        {
          actor,
          action: 'tranche.transition',
          subjectType: 'tranche',
          subjectId: trancheId,
          fromState: 'approved',
          toState: 'submitting',
          metadata: { rail: 'stripe' },
        },
        client
      )
    })
  }

  /** What to send, or why nothing is sent (settled already, not ours, too old). */
  protected async payableTranche(trancheId: number) {
    const row = await db
      .from('tranches as t')
      .join('agreements as a', 'a.id', 't.agreement_id')
      .where('t.id', trancheId)
      .select(
        't.state',
        't.amount_centimes',
        't.idempotency_key',
        't.stripe_transfer_id',
        't.updated_at',
        'a.stripe_account_id'
      )
      .first()
    if (!row)
      return { ok: false as const, outcome: { outcome: 'not_payable', state: 'missing' } as const }
    if (row.state === 'paid' || row.state === 'reconciled') {
      return {
        ok: false as const,
        outcome: { outcome: 'already_settled', state: row.state } as const,
      }
    }
    if (row.state !== 'submitting') {
      return { ok: false as const, outcome: { outcome: 'not_payable', state: row.state } as const }
    }
    const claimedAt = DateTime.fromJSDate(row.updated_at)
    if (DateTime.utc().diff(claimedAt, 'hours').hours > RESUMABLE_FOR_HOURS) {
      logger.warn(
        { trancheId },
        'tranche claimed too long ago to resume safely; left for an officer'
      )
      return { ok: false as const, outcome: { outcome: 'not_payable', state: row.state } as const }
    }
    if (!row.stripe_account_id) {
      const reason = 'payments.errors.no_connected_account'
      await db.transaction((client) => failTranche(client, trancheId, reason, SYSTEM_ACTOR))
      return { ok: false as const, outcome: { outcome: 'failed', reason } as const }
    }
    return {
      ok: true as const,
      request: {
        trancheId,
        idempotencyKey: row.idempotency_key as string,
        amountCentimes: Number(row.amount_centimes),
        destination: row.stripe_account_id as string,
      },
    }
  }

  protected async settle(
    trancheId: number,
    transfer: Stripe.Transfer,
    actor: Actor
  ): Promise<PayTrancheOutcome> {
    if (!transferSettles(transfer)) {
      // Recorded, so the webhook and officers can follow it; not paid.
      await db.from('tranches').where('id', trancheId).update({ stripe_transfer_id: transfer.id })
      return { outcome: 'not_payable', state: 'submitting' }
    }
    await db.transaction((client) =>
      settleTranchePaid(client, trancheId, {
        actor,
        rail: 'stripe',
        stripeTransferId: transfer.id,
        paidAt: DateTime.fromSeconds(transfer.created, { zone: 'utc' }),
      })
    )
    return { outcome: 'paid', transferId: transfer.id }
  }
}
