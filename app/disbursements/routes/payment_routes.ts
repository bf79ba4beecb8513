/*
| Payment runs (Stripe, ISO 20022 bank files), webhooks, reconciliation.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Finance officers: payment runs and reconciliation (`/finance/payments`). */
export function paymentWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}

/** Stripe's signed webhooks (`/api/v1/webhooks/stripe`): raw body, no session. */
export function paymentApiRoutes() {
  router.group(() => {})
}
