import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { saveDraftFromRequest } from '#applications/controllers/draft_input'
import { SubmitApplication } from '#applications/actions/submit_application'
import { actorFrom } from '#core/audit/actor'
import { submittedAnswersValidator } from '#applications/validators/application'

/** Submitting a draft: whatever the page posted is saved first, then submitted. */
export default class ApplicationSubmissionsController {
  @inject()
  async store(ctx: HttpContext, submitApplication: SubmitApplication) {
    const application = await findApplication(ctx, 'edit')
    const saved = application.isDraft
      ? await saveDraftFromRequest(ctx, application, submittedAnswersValidator)
      : application
    const submitted = await submitApplication.handle(saved, actorFrom(ctx), ctx.i18n)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({ reference: submitted.reference, state: submitted.state })
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('applications.submitted', { reference: submitted.reference })
    )
    return ctx.response.redirect().toRoute('applications.show', { id: submitted.id })
  }
}
