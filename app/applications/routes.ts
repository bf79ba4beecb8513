import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const applications = controllers.applications

export function applicationsWebRoutes() {
  router
    .group(() => {
      router
        .post('/calls/:id/applications', [applications.CallApplications, 'store'])
        .as('call_applications.store')
      router.get('/applications', [applications.Applications, 'index']).as('applications.index')
      router.get('/applications/:id', [applications.Applications, 'show']).as('applications.show')
      router
        .get('/applications/:id/edit', [applications.Applications, 'edit'])
        .as('applications.edit')
      router
        .put('/applications/:id', [applications.Applications, 'update'])
        .as('applications.update')
      router
        .post('/applications/:id/submission', [applications.ApplicationSubmissions, 'store'])
        .as('application_submissions.store')
      router
        .post('/applications/:id/withdrawal', [applications.ApplicationWithdrawals, 'store'])
        .as('application_withdrawals.store')
      router
        .get('/applications/:id/receipt', [applications.ApplicationReceipts, 'show'])
        .as('application_receipts.show')
      router
        .get('/documents/:id', [applications.ApplicationDocuments, 'show'])
        .as('application_documents.show')
    })
    .use([middleware.auth(), middleware.verified()])
}

export function applicationsApiRoutes() {
  router.group(() => {}).use(middleware.auth({ guards: ['api'] }))
}
