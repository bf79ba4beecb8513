/*
| Committee sessions, ranking within the envelope, decisions and awards.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Applicants: their decision, letter, acceptance or decline (`/applications/:id/decision`). */
export function decisionWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}

/** Programme officers and chairs: sessions, ranking, decisions (`/staff/calls/:id/sessions`, `/staff/calls/:id/ranking`). */
export function decisionStaffRoutes() {
  router
    .group(() => {})
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
