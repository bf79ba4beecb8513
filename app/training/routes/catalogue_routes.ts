/*
| Public catalogue of Jazari cohorts and trainees' enrolments.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const catalogue = controllers.training.catalogue

/** Public: `/training`, `/training/cohorts/:id`. */
export function catalogueRoutes() {
  router.group(() => {
    router.get('/training', [catalogue.Cohorts, 'index']).as('training.index')
    router.get('/training/cohorts/:id', [catalogue.Cohorts, 'show']).as('training.cohorts.show')
  })
}

/** Trainees: enrol, follow, withdraw (`/enrolments`). */
export function enrolmentWebRoutes() {
  router
    .group(() => {
      router
        .get('/training/cohorts/:id/enrolments/create', [catalogue.CohortEnrolments, 'create'])
        .as('cohort_enrolments.create')
      router
        .post('/training/cohorts/:id/enrolments', [catalogue.CohortEnrolments, 'store'])
        .as('cohort_enrolments.store')
      router.get('/enrolments', [catalogue.Enrolments, 'index']).as('enrolments.index')
      router.get('/enrolments/:id', [catalogue.Enrolments, 'show']).as('enrolments.show')
      router
        .post('/enrolments/:id/withdrawal', [catalogue.EnrolmentWithdrawals, 'store'])
        .as('enrolment_withdrawals.store')
    })
    .use([middleware.auth(), middleware.verified()])
}
