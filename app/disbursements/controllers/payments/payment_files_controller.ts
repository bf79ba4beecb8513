import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { manageFinance } from '#identity/abilities'
import { actorFrom } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import PaymentBatch from '#disbursements/models/payment_batch'
import { bankFileOf } from '#disbursements/payment_runs'

/** The bank files of an executed bank run: ISO 20022 pain.001 XML, or CSV. */
export default class PaymentFilesController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageFinance)
    const batch = await PaymentBatch.findOrFail(ctx.params.id)
    if (batch.rail !== 'bank' || batch.state === 'prepared') {
      throw new DomainError('payments.errors.no_bank_file', { status: 409 })
    }
    const format = ctx.params.format as 'pain001' | 'csv'
    const file = await db.transaction((client) => bankFileOf(client, batch, format, actorFrom(ctx)))
    ctx.response.header('content-type', file.contentType)
    ctx.response.header('content-disposition', `attachment; filename="${file.fileName}"`)
    ctx.response.header('cache-control', 'no-store')
    return file.body
  }
}
