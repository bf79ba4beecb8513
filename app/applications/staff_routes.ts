import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const staff = controllers.applications.staff

/** Programme officers: a call's applications (list, CSV export) and one application. */
export function applicationsStaffRoutes() {
  router
    .group(() => {
      router
        .get('/calls/:id/applications', [staff.CallApplications, 'index'])
        .as('call_applications.index')
      router
        .get('/calls/:id/applications.csv', [staff.CallApplicationExports, 'show'])
        .as('call_applications.export')
        .use(middleware.sudo())
      router.get('/applications/:id', [staff.Applications, 'show']).as('applications.show')
      router
        .get('/calls/:id/deadline-extensions', [staff.CallDeadlineExtensions, 'index'])
        .as('call_deadline_extensions.index')
      router
        .post('/calls/:id/deadline-extensions', [staff.CallDeadlineExtensions, 'store'])
        .as('call_deadline_extensions.store')
    })
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
