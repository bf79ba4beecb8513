import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Programme officers: programmes, calls, their lifecycle and application forms. */
export function programmesStaffRoutes() {
  router
    .group(() => {})
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
