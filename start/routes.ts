/*
| Each domain declares its routes (app/<domain>/routes.ts); this file mounts them in
| two stacks. Pages get sessions, CSRF, CSP and the signed-in user; the JSON API is
| stateless (bearer tokens, no cookies), which keeps it fast.
*/
import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import { errors, type HttpContext } from '@adonisjs/core/http'
import { RequestRefused } from '#core/exceptions/domain_error'
import { allowedMethods, matchIdParams } from '#core/route_ids'
import { apiStack, webStack } from '#start/kernel'
import { coreProbeRoutes, coreWebRoutes } from '#core/routes'
import { identityApiRoutes, identityWebRoutes } from '#identity/routes'
import { programmesApiRoutes, programmesWebRoutes } from '#programmes/routes'
import { programmesStaffRoutes } from '#programmes/staff_routes'
import { applicationsApiRoutes, applicationsWebRoutes } from '#applications/routes'
import { applicationsStaffRoutes } from '#applications/staff_routes'
import { eligibilityStaffRoutes, eligibilityWebRoutes } from '#eligibility/routes'
import { committeeStaffRoutes, committeeWebRoutes } from '#reviews/routes/committee_routes'
import {
  scoringApiRoutes,
  scoringStaffRoutes,
  scoringWebRoutes,
} from '#reviews/routes/scoring_routes'
import { decisionStaffRoutes, decisionWebRoutes } from '#reviews/routes/decision_routes'
import { catalogueRoutes, enrolmentWebRoutes } from '#training/routes/catalogue_routes'
import { instituteWebRoutes, verificationRoutes } from '#training/routes/institute_routes'
import { agreementWebRoutes } from '#disbursements/routes/agreement_routes'
import { paymentApiRoutes, paymentWebRoutes } from '#disbursements/routes/payment_routes'
import { privacyWebRoutes } from '#privacy/routes'
import { searchStaffRoutes } from '#app/search/routes'
import {
  openDataApiRoutes,
  openDataFileRoutes,
  openDataWebRoutes,
} from '#reporting/register/routes'
import { scoreboardWebRoutes } from '#reporting/scoreboard/routes'
import { progressWebRoutes } from '#reporting/progress/routes'

/**
 * Unknown URLs still go through their stack, so the 404 speaks the person's language;
 * a known URL with another method is a 405 naming the methods it takes.
 */
function notFound({ request }: HttpContext): never {
  const allowed = allowedMethods(request.url(), (pattern) => pattern.endsWith('/*'))
  if (allowed.length) throw new RequestRefused(405, { Allow: allowed.join(', ') })
  throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
}

// Before any route: every id in a URL is a positive int4, or the route does not match.
matchIdParams()

coreProbeRoutes()
openDataFileRoutes()

router
  .group(() => {
    identityApiRoutes()
    programmesApiRoutes()
    applicationsApiRoutes()
    scoringApiRoutes()
    paymentApiRoutes()
    openDataApiRoutes()
    router.any('*', notFound).as('not_found')
  })
  .prefix('/api/v1')
  .as('api')
  .use(apiStack())

router
  .group(() => {
    coreWebRoutes()
    identityWebRoutes()
    programmesWebRoutes()
    programmesStaffRoutes()
    applicationsWebRoutes()
    applicationsStaffRoutes()
    eligibilityWebRoutes()
    eligibilityStaffRoutes()
    committeeWebRoutes()
    committeeStaffRoutes()
    scoringWebRoutes()
    scoringStaffRoutes()
    decisionWebRoutes()
    decisionStaffRoutes()
    catalogueRoutes()
    enrolmentWebRoutes()
    verificationRoutes()
    instituteWebRoutes()
    agreementWebRoutes()
    paymentWebRoutes()
    privacyWebRoutes()
    searchStaffRoutes()
    openDataWebRoutes()
    scoreboardWebRoutes()
    progressWebRoutes()
    router.any('*', notFound).as('not_found')
  })
  .use(webStack())

// Commands (the queue worker, the demo seeder) put links in the mails they send: the URL
// builder needs the routes committed, which otherwise only the HTTP server does.
if (app.getEnvironment() === 'console') router.commit()
