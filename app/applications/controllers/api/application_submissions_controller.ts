import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { findApplication } from '#applications/controllers/application_access'
import { SubmitApplication } from '#applications/actions/submit_application'
import { applicationResource } from '#applications/transformers/application_transformer'
import { actorFrom } from '#core/audit/actor'
import { idempotently } from '#core/idempotency'

export default class ApplicationSubmissionsController {
  /** Submits the draft; a retry with the same `Idempotency-Key` replays the answer. */
  @inject()
  async store(ctx: HttpContext, submitApplication: SubmitApplication) {
    const application = await findApplication(ctx, 'submit')
    return idempotently(ctx, async (client) => {
      const submitted = await submitApplication.handle(
        application,
        actorFrom(ctx),
        ctx.i18n,
        DateTime.utc(),
        client
      )
      return { status: 201, body: { data: applicationResource(submitted) } }
    })
  }
}
