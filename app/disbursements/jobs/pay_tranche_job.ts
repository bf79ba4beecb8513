import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { PayTranche, type PayTrancheInput } from '#disbursements/actions/pay_tranche'

/** Pays one tranche through Stripe; idempotent (claim + derived idempotency key). */
@inject()
export default class PayTrancheJob implements Job<PayTrancheInput> {
  constructor(private payTranche: PayTranche) {}

  handle(payload: PayTrancheInput) {
    return this.payTranche.handle(payload)
  }
}
