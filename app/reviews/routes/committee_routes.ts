/*
| Committees, conflicts of interest, assignment and the reviewer queue.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Reviewers: their queue and conflict declarations (`/reviews`). */
export function committeeWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}

/** Programme officers: committee members and assignment (`/staff/calls/:id/committee`, `/staff/calls/:id/assignments`). */
export function committeeStaffRoutes() {
  router
    .group(() => {})
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
