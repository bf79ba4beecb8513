import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

export function applicationsWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}

export function applicationsApiRoutes() {
  router.group(() => {}).use(middleware.auth({ guards: ['api'] }))
}
