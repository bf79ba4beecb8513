import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Beneficiaries (`/agreements`: schedule, bank details, requests) and finance (`/finance`). */
export function disbursementsWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}

/** Stripe's signed webhooks (`/api/v1/webhooks/stripe`): raw body, no session, no CSRF. */
export function disbursementsApiRoutes() {}
