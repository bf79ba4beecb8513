import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import vine from '@vinejs/vine'
import { findApplication } from '#applications/controllers/application_access'
import { StoreApplicationDocument } from '#applications/actions/store_application_document'
import { documentResource } from '#applications/transformers/application_transformer'
import { actorFrom } from '#core/audit/actor'

const documentValidator = vine.create(
  vine.object({
    fieldPath: vine.string().trim().maxLength(130),
    // Type and size are checked on content by the action, against the form's field.
    file: vine.file(),
  })
)

export default class ApplicationDocumentsController {
  @inject()
  async store(ctx: HttpContext, storeDocument: StoreApplicationDocument) {
    const application = await findApplication(ctx, 'editDraft')
    const { fieldPath, file } = await ctx.request.validateUsing(documentValidator)
    const document = await storeDocument.handle(
      application,
      fieldPath,
      file,
      ctx.auth.getUserOrFail(),
      actorFrom(ctx)
    )
    return ctx.response.created({ data: documentResource(document) })
  }
}
