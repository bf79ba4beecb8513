/*
| Public catalogue of Jazari cohorts and trainees' enrolments.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Public: `/training`, `/training/cohorts/:id`. */
export function catalogueRoutes() {
  router.group(() => {})
}

/** Trainees: enrol, follow, withdraw (`/enrolments`). */
export function enrolmentWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}
