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
      router
        .post('/applications/:id/members', [applications.ApplicationMembers, 'store'])
        .as('application_members.store')
      router
        .put('/applications/:id/members/:memberId', [applications.ApplicationMembers, 'update'])
        .as('application_members.update')
      router
        .delete('/applications/:id/members/:memberId', [applications.ApplicationMembers, 'destroy'])
        .as('application_members.destroy')
      router
        .post('/member-invitations/:token', [applications.MemberInvitations, 'update'])
        .as('member_invitations.update')
    })
    .use([middleware.auth(), middleware.verified()])
  // The mailed link itself is public: a guest learns to sign in with the invited address.
  router
    .get('/member-invitations/:token', [applications.MemberInvitations, 'show'])
    .as('member_invitations.show')
}

export function applicationsApiRoutes() {
  router.get('/openapi.json', [applications.api.OpenApi]).as('openapi')
  router
    .group(() => {
      router.get('/applications', [applications.api.Applications, 'index']).as('index')
      router.get('/applications/:id', [applications.api.Applications, 'show']).as('show')
      router.patch('/applications/:id', [applications.api.Applications, 'update']).as('update')
      router
        .post('/applications/:id/documents', [applications.api.ApplicationDocuments, 'store'])
        .as('documents.store')
      router
        .post('/applications/:id/submission', [applications.api.ApplicationSubmissions, 'store'])
        .as('submission.store')
    })
    .as('applications')
    .use(middleware.auth({ guards: ['api'] }))
  router
    .post('/calls/:id/applications', [applications.api.Applications, 'store'])
    .as('call_applications.store')
    .use(middleware.auth({ guards: ['api'] }))
}
