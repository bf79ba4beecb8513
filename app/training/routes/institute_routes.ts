/*
| Institute coordinators, certificates and their public verification.
*/
import router from '@adonisjs/core/services/router'
import limiter from '@adonisjs/limiter/services/main'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const institute = controllers.training.institute
const certificates = controllers.training.certificates

/** Looking up codes: 30 a minute per address, so codes cannot be tried in bulk. */
const throttleVerification = limiter.define('certificate_verification', (ctx) =>
  limiter.allowRequests(30).every('1 minute').usingKey(`verify_${ctx.request.ip()}`)
)

/** Public: `/verify`, `/verify/:code` and the national training numbers. */
export function verificationRoutes() {
  router
    .group(() => {
      router.get('/verify', [certificates.Verifications, 'index']).as('index')
      router.get('/verify/:code', [certificates.Verifications, 'show']).as('show')
    })
    .as('verify')
    .use(throttleVerification)
  router.get('/training/numbers', [certificates.TrainingNumbers, 'index']).as('training_numbers')
}

/** Coordinators of one institute (`/institute`), trainees' certificate downloads. */
export function instituteWebRoutes() {
  router
    .group(() => {
      router
        .get('/enrolments/:id/certificate', [certificates.TraineeCertificates, 'show'])
        .as('enrolment_certificate')

      router
        .group(() => {
          router.get('/', [institute.Dashboard, 'index']).as('index')
          router.get('/courses/create', [institute.Courses, 'create']).as('courses.create')
          router.post('/courses', [institute.Courses, 'store']).as('courses.store')
          router.get('/courses/:id/edit', [institute.Courses, 'edit']).as('courses.edit')
          router.put('/courses/:id', [institute.Courses, 'update']).as('courses.update')

          router.get('/cohorts/create', [institute.Cohorts, 'create']).as('cohorts.create')
          router.post('/cohorts', [institute.Cohorts, 'store']).as('cohorts.store')
          router.group(() => {
            router.get('/cohorts/:id', [institute.Cohorts, 'show']).as('cohorts.show')
            router.get('/cohorts/:id/edit', [institute.Cohorts, 'edit']).as('cohorts.edit')
            router.put('/cohorts/:id', [institute.Cohorts, 'update']).as('cohorts.update')
            router
              .post('/cohorts/:id/opening', [institute.CohortOpenings, 'store'])
              .as('cohort_openings.store')
            router
              .post('/cohorts/:id/sessions', [institute.CohortSessions, 'store'])
              .as('cohort_sessions.store')
            router
              .post('/cohorts/:id/merit_selection', [institute.MeritSelections, 'store'])
              .as('merit_selections.store')
            router
              .get('/cohorts/:id/assessments', [institute.Assessments, 'edit'])
              .as('assessments.edit')
            router
              .put('/cohorts/:id/assessments', [institute.Assessments, 'update'])
              .as('assessments.update')
            router
              .post('/cohorts/:id/closure', [institute.CohortClosures, 'store'])
              .as('cohort_closures.store')
            router
              .get('/sessions/:id/attendance', [institute.Attendances, 'edit'])
              .as('attendances.edit')
            router
              .put('/sessions/:id/attendance', [institute.Attendances, 'update'])
              .as('attendances.update')
            router
              .post('/certificates/:id/revocation', [institute.CertificateRevocations, 'store'])
              .as('certificate_revocations.store')
          })
        })
        .prefix('/institute')
        .as('institute')
    })
    .use([middleware.auth(), middleware.verified()])
}
