import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { SubmitApplication } from '#applications/actions/submit_application'
import { applicationResource } from '#applications/transformers/application_transformer'
import { actorFrom } from '#core/audit/actor'

export default class ApplicationSubmissionsController {
  @inject()
  async store(ctx: HttpContext, submitApplication: SubmitApplication) {
    const application = await findApplication(ctx, 'edit')
    const submitted = await submitApplication.handle(application, actorFrom(ctx), ctx.i18n)
    return ctx.response.created({ data: applicationResource(submitted) })
  }
}
