/*
| Agreements, tranche schedules, requests, four-eyes approval, ledger.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Beneficiaries (`/agreements`) and finance officers (`/finance`). */
export function agreementWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}
