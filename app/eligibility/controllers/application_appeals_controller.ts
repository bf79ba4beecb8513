import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { AppealVerdict } from '#eligibility/actions/appeal_verdict'
import { appealValidator, appealsMessages } from '#eligibility/validators/appeals'
import { actorFrom } from '#core/audit/actor'

/** The applicant appeals an ineligible verdict ("Faire un recours"), as a resource. */
export default class ApplicationAppealsController {
  @inject()
  async store(ctx: HttpContext, appealVerdict: AppealVerdict) {
    const application = await findApplication(ctx, 'edit')
    const { statement } = await ctx.request.validateUsing(appealValidator, {
      messagesProvider: appealsMessages(ctx.i18n),
    })
    const appealed = await appealVerdict.handle(application.id, statement, actorFrom(ctx))
    const message = ctx.i18n.t('appeals.applicant.received')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({ id: appealed.id, state: appealed.state, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('applications.show', { id: appealed.id })
  }
}
