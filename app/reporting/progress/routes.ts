/*
| Post-award progress reports, the officers' late list, an organization's continuum.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const progress = controllers.reporting.progress

export function progressWebRoutes() {
  router
    .group(() => {
      router
        .get('/agreements/:id/progress', [progress.ProgressReports, 'index'])
        .as('progress_reports.index')
      router
        .post('/agreements/:id/progress', [progress.ProgressReports, 'store'])
        .as('progress_reports.store')
      router
        .get('/organizations/:id/continuum', [progress.Continuums, 'show'])
        .as('continuums.show')
      router
        .get('/staff/progress/late', [progress.LateProgressReports, 'index'])
        .as('staff.late_progress_reports.index')
    })
    .use([middleware.auth(), middleware.verified()])
}
