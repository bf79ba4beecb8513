import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function coreWebRoutes() {
  router.post('/locale', [controllers.core.Locale, 'update']).as('locale.update')
}

/** Probes for load balancers: no session, no cookies. */
export function coreProbeRoutes() {
  router.get('/health', [controllers.core.Health]).as('health')
}
