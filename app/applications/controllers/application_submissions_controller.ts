import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { saveDraftAndFiles } from '#applications/controllers/draft_input'
import {
  NOT_SUBMITTED,
  SubmitApplication,
  validSubmittedAnswers,
} from '#applications/actions/submit_application'
import type Application from '#applications/models/application'
import { InvalidFields } from '#core/exceptions/domain_error'
import { currentFormVersion } from '#programmes/form_versions'
import { actorFrom } from '#core/audit/actor'
import { submittedAnswersValidator } from '#applications/validators/application'

/** Submitting a draft: whatever the page posted is saved first, then submitted. */
export default class ApplicationSubmissionsController {
  @inject()
  async store(ctx: HttpContext, submitApplication: SubmitApplication) {
    const application = await findApplication(ctx, 'submit')
    if (application.isDraft) {
      const { saved, problems } = await saveDraftAndFiles(
        ctx,
        application,
        submittedAnswersValidator
      )
      // A refused file must not hide the answers' problems: every one in one response.
      if (problems.length) await refuseWithAnswerProblems(saved, problems, ctx)
    }
    const submitted = await submitApplication.handle(application, actorFrom(ctx), ctx.i18n)
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

/** Throws the refused files' problems and the answers' together (a file's own message first). */
async function refuseWithAnswerProblems(
  draft: Application,
  problems: InvalidFields['fields'],
  ctx: HttpContext
): Promise<never> {
  const form = await currentFormVersion(draft.callId)
  const all = [...problems]
  try {
    if (form) await validSubmittedAnswers(form.definition, draft.answers, ctx.i18n)
  } catch (error) {
    if (!(error instanceof InvalidFields)) throw error
    all.push(...error.fields.filter((item) => !problems.some((file) => file.field === item.field)))
  }
  throw new InvalidFields(all, NOT_SUBMITTED)
}
