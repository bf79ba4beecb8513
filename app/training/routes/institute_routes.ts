/*
| Institute coordinators, certificates and their public verification.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Public: `/verify/:code` (and the training numbers if public). */
export function verificationRoutes() {
  router.group(() => {})
}

/** Coordinators of one institute (`/institute`), trainees' certificate downloads. */
export function instituteWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}
