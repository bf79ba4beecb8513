import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { FileDataRequest } from '#privacy/actions/file_data_request'
import { dataRequestValidator } from '#privacy/validators/data_request'

/** A person files a request about their data: an export (built by a job) or an erasure. */
export default class DataRequestsController {
  @inject()
  async store(ctx: HttpContext, fileDataRequest: FileDataRequest) {
    const { kind } = await ctx.request.validateUsing(dataRequestValidator)
    await fileDataRequest.handle(ctx.auth.getUserOrFail(), kind, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t(`privacy.requests.filed.${kind}`))
    return ctx.response.redirect().toRoute('privacy.show')
  }
}
