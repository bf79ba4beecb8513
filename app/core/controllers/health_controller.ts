import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { HealthCheck } from '#core/health_check'

/** GET /health: database, Redis and queue lag, for load balancers and monitoring. */
@inject()
export default class HealthController {
  constructor(private health: HealthCheck) {}

  async handle({ response }: HttpContext) {
    const report = await this.health.run()
    return response.status(report.healthy ? 200 : 503).send(report)
  }
}
