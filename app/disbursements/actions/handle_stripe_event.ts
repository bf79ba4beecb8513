import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import type Stripe from 'stripe'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import queue from '#core/services/queue'
import { StripeRail, transferSettles } from '#disbursements/rails/stripe_rail'
import { settleTranchePaid } from '#disbursements/payouts'

export const STRIPE_EVENT_JOB = 'payments.stripe_event'

/** BullMQ job id of an event's handling: one job per event, whatever the deliveries. */
export function stripeEventJobId(eventId: string) {
  return `stripe-event-${eventId}`
}

/**
 * Stores a verified event under its id (the primary key): a delivery seen before is
 * ignored, unless it was never processed (the job is dispatched again; its id dedups).
 * Returns whether the event was new.
 */
export async function recordStripeEvent(event: Stripe.Event) {
  const { rows } = await db.rawQuery(
    `INSERT INTO webhook_events (id, type, payload, received_at) VALUES (?, ?, ?, now())
      ON CONFLICT (id) DO NOTHING RETURNING id`,
    [event.id, event.type, JSON.stringify(event)]
  )
  const isNew = rows.length > 0
  const pending =
    isNew ||
    (await db.from('webhook_events').where('id', event.id).whereNull('processed_at').first())
  if (pending) {
    await queue.dispatch(
      STRIPE_EVENT_JOB,
      { eventId: event.id },
      { jobId: stripeEventJobId(event.id) }
    )
  }
  return isNew
}

/**
 * Applies a stored event once. The transfer it names is fetched again from Stripe rather
 * than trusted as delivered (events arrive late, twice, or out of order): a transfer that
 * stands settles its tranche, in the same transaction that marks the event processed.
 */
@inject()
export class HandleStripeEvent {
  constructor(private rail: StripeRail) {}

  async handle(eventId: string) {
    const row = await db.from('webhook_events').where('id', eventId).first()
    if (!row || row.processed_at) return { outcome: 'ignored' as const }
    const object = row.payload?.data?.object
    const transfer =
      object?.object === 'transfer' ? await this.rail.retrieveTransfer(object.id) : null

    return db.transaction(async (client) => {
      const { rows } = await client.rawQuery(
        'SELECT id FROM webhook_events WHERE id = ? AND processed_at IS NULL FOR UPDATE',
        [eventId]
      )
      if (rows.length === 0) return { outcome: 'ignored' as const }

      let settled = false
      if (transfer) {
        const tranche = await this.trancheOf(client, transfer)
        if (!tranche) {
          logger.warn({ eventId, transfer: transfer.id }, 'Stripe transfer of no known tranche')
        } else if (transferSettles(transfer) && tranche.state === 'submitting') {
          settled = await settleTranchePaid(client, tranche.id, {
            actor: SYSTEM_ACTOR,
            rail: 'stripe',
            stripeTransferId: transfer.id,
            paidAt: DateTime.fromSeconds(transfer.created, { zone: 'utc' }),
          })
        } else if (!transferSettles(transfer) && tranche.state !== 'submitting') {
          // A reversal after payment is an officer's matter: it is logged, not undone here.
          logger.warn({ eventId, tranche: tranche.id }, 'Stripe transfer reversed after payment')
        }
      }
      await client.from('webhook_events').where('id', eventId).update({ processed_at: new Date() })
      return { outcome: settled ? ('settled' as const) : ('processed' as const) }
    })
  }

  /** The tranche a transfer pays: by the id we recorded, else by the metadata we sent. */
  private async trancheOf(
    client: Parameters<typeof settleTranchePaid>[0],
    transfer: Stripe.Transfer
  ) {
    const byTransfer = await client
      .from('tranches')
      .where('stripe_transfer_id', transfer.id)
      .select('id', 'state')
      .first()
    if (byTransfer) return byTransfer as { id: number; state: string }
    const trancheId = Number(transfer.metadata?.tranche_id)
    if (!Number.isInteger(trancheId) || trancheId <= 0) return null
    const byMetadata = await client
      .from('tranches')
      .where('id', trancheId)
      .where('idempotency_key', transfer.metadata?.payout ?? '')
      .select('id', 'state')
      .first()
    return (byMetadata as { id: number; state: string } | null) ?? null
  }
}
