import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { HandleStripeEvent } from '#disbursements/actions/handle_stripe_event'

/** Applies one stored Stripe webhook event; idempotent (processed once by id). */
@inject()
export default class StripeEventJob implements Job<{ eventId: string }> {
  constructor(private handleStripeEvent: HandleStripeEvent) {}

  handle(payload: { eventId: string }) {
    return this.handleStripeEvent.handle(payload.eventId)
  }
}
