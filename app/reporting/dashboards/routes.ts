import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const dashboards = controllers.reporting.dashboards

/** Programme and call dashboards (officers, admins; finance officers the money panels). */
export function dashboardStaffRoutes() {
  router
    .group(() => {
      router.get('/dashboards', [dashboards.Dashboards, 'index']).as('index')
      router.get('/dashboards/export', [dashboards.DashboardExports, 'show']).as('export')
      router
        .get('/dashboards/reviewers.csv', [dashboards.ReviewerWorkloadExports, 'show'])
        .as('reviewers.export')
        .use(middleware.sudo())
    })
    .prefix('/staff')
    .as('staff.dashboards')
    .use([middleware.auth(), middleware.verified()])
}
