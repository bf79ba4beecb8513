import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { StartApplication } from '#applications/actions/start_application'
import { startApplicationValidator } from '#applications/validators/application'
import { actorFrom } from '#core/audit/actor'

/** Starting an application to a call: a new draft, or the one already there. */
export default class CallApplicationsController {
  @inject()
  async store(ctx: HttpContext, startApplication: StartApplication) {
    const { organizationId } = await ctx.request.validateUsing(startApplicationValidator)
    const application = await startApplication.handle(
      ctx.auth.getUserOrFail(),
      Number(ctx.params.id) || 0,
      organizationId ?? null,
      actorFrom(ctx)
    )
    return ctx.response.redirect().toRoute('applications.edit', { id: application.id })
  }
}
