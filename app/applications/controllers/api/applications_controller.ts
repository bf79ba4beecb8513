import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { applicationsOf } from '#applications/application_pages'
import { applicationResources, applicationWithDocuments } from '#applications/api_resources'
import { StartApplication } from '#applications/actions/start_application'
import { SaveApplicationDraft } from '#applications/actions/save_application_draft'
import {
  applicationListValidator,
  draftAnswersValidator,
  startApplicationValidator,
} from '#applications/validators/application'
import { actorFrom } from '#core/audit/actor'
import { idempotently } from '#core/idempotency'
import { DEFAULT_PER_PAGE, pageOf } from '#core/pagination'

/**
 * Applications through the JSON API, e.g. a fund manager's own system filing its
 * proposal to the VC call: the same actions as the pages, with bearer tokens.
 */
export default class ApplicationsController {
  async index({ auth, request }: HttpContext) {
    const filters = await request.validateUsing(applicationListValidator, { data: request.qs() })
    const page = await applicationsOf(auth.getUserOrFail())
      .if(filters.callId, (query) => query.where('call_id', filters.callId!))
      .if(filters.state, (query) => query.where('state', filters.state!))
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? DEFAULT_PER_PAGE)
    return pageOf(page, await applicationResources(page.all()), request.url(), filters)
  }

  /** Starts a draft (or answers the one already there); `Idempotency-Key` replays. */
  @inject()
  async store(ctx: HttpContext, startApplication: StartApplication) {
    const { organizationId } = await ctx.request.validateUsing(startApplicationValidator)
    return idempotently(ctx, async (client) => {
      const application = await startApplication.handle(
        ctx.auth.getUserOrFail(),
        Number(ctx.params.id) || 0,
        organizationId ?? null,
        actorFrom(ctx),
        client
      )
      const [data] = await applicationResources([application])
      return { status: 201, body: { data } }
    })
  }

  async show(ctx: HttpContext) {
    return { data: await applicationWithDocuments(await findApplication(ctx)) }
  }

  /** Saves draft answers (partial: the sections sent replace theirs, fields merge). */
  async update(ctx: HttpContext) {
    const application = await findApplication(ctx, 'editDraft')
    const { answers } = await ctx.request.validateUsing(draftAnswersValidator)
    const saved = await new SaveApplicationDraft().handle(application, answers)
    return { data: await applicationWithDocuments(saved) }
  }
}
