import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { WithdrawApplication } from '#applications/actions/withdraw_application'
import { withdrawApplicationValidator } from '#applications/validators/application'
import { actorFrom } from '#core/audit/actor'

export default class ApplicationWithdrawalsController {
  @inject()
  async store(ctx: HttpContext, withdrawApplication: WithdrawApplication) {
    const application = await findApplication(ctx, 'edit')
    const { reason } = await ctx.request.validateUsing(withdrawApplicationValidator)
    await withdrawApplication.handle(application, reason ?? null, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('applications.withdrawn'))
    return ctx.response.redirect().toRoute('applications.show', { id: application.id })
  }
}
