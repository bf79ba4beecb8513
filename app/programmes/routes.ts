import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function programmesWebRoutes() {
  router.get('/', [controllers.programmes.Home]).as('home')
}

export function programmesApiRoutes() {
  router.get('/calls', [controllers.programmes.api.OpenCalls]).as('calls.index')
}
