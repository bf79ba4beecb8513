import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { applicationsOf } from '#applications/application_pages'
import { applicationResource } from '#applications/transformers/application_transformer'
import { StartApplication } from '#applications/actions/start_application'
import { SaveApplicationDraft } from '#applications/actions/save_application_draft'
import {
  draftAnswersValidator,
  startApplicationValidator,
} from '#applications/validators/application'
import ApplicationDocument from '#applications/models/application_document'
import { actorFrom } from '#core/audit/actor'

/**
 * Applications through the JSON API, e.g. a fund manager's own system filing its
 * proposal to the VC call: the same actions as the pages, with bearer tokens.
 */
export default class ApplicationsController {
  async index({ auth }: HttpContext) {
    const applications = await applicationsOf(auth.getUserOrFail())
    return { data: applications.map((application) => applicationResource(application)) }
  }

  @inject()
  async store(ctx: HttpContext, startApplication: StartApplication) {
    const { organizationId } = await ctx.request.validateUsing(startApplicationValidator)
    const application = await startApplication.handle(
      ctx.auth.getUserOrFail(),
      Number(ctx.params.id) || 0,
      organizationId ?? null,
      actorFrom(ctx)
    )
    return ctx.response.created({ data: applicationResource(application) })
  }

  async show(ctx: HttpContext) {
    const application = await findApplication(ctx)
    const documents = await ApplicationDocument.query().where('application_id', application.id)
    return { data: applicationResource(application, documents) }
  }

  /** Saves draft answers (partial: the sections sent replace theirs, fields merge). */
  async update(ctx: HttpContext) {
    const application = await findApplication(ctx, 'edit')
    const { answers } = await ctx.request.validateUsing(draftAnswersValidator)
    const saved = await new SaveApplicationDraft().handle(application, answers)
    return { data: applicationResource(saved) }
  }
}
