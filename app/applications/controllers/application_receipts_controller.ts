import type { HttpContext } from '@adonisjs/core/http'
import { findApplication } from '#applications/controllers/application_access'
import { receiptOf } from '#applications/receipts'

/** The receipt PDF of a submitted application, in the reader's language. */
export default class ApplicationReceiptsController {
  async show(ctx: HttpContext) {
    const application = await findApplication(ctx)
    if (!application.submittedAt) {
      return ctx.response.redirect().toRoute('applications.show', { id: application.id })
    }
    const pdf = await receiptOf(application, ctx.i18n)
    ctx.response.header('Content-Type', 'application/pdf')
    ctx.response.header('Cache-Control', 'private, no-store')
    ctx.response.attachment(`${application.reference}.pdf`)
    return ctx.response.send(Buffer.from(pdf))
  }
}
