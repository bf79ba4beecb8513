import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/** Staff search (officers, admins; finance officers within what they pay). */
export function searchStaffRoutes() {
  router
    .get('/staff/search', [controllers.search.StaffSearch, 'index'])
    .as('staff.search.index')
    .use([middleware.auth(), middleware.verified()])
}
