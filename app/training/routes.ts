import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/**
 * The public catalogue (`/training`), certificate verification (`/verify/:code`),
 * trainees (`/enrolments`) and institute coordinators (`/institute`).
 */
export function trainingWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}
