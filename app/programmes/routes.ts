import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { throttleEligibilityChecks } from '#start/limiter'

export function programmesWebRoutes() {
  router.get('/', [controllers.programmes.Home]).as('home')
  router.get('/calls', [controllers.programmes.Calls, 'index']).as('calls.index')
  router.get('/calls/:id', [controllers.programmes.Calls, 'show']).as('calls.show')
  router
    .get('/calls/:id/eligibility-check', [controllers.eligibility.CallEligibilityChecks, 'show'])
    .as('calls.eligibility_check.show')
    .use(throttleEligibilityChecks)
}

export function programmesApiRoutes() {
  router.get('/calls', [controllers.programmes.api.OpenCalls]).as('calls.index')
  router
    .get('/calls/:id/form', [controllers.programmes.api.CallForms, 'show'])
    .as('calls.form.show')
}
