import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { readFile } from 'node:fs/promises'
import { manageFinance } from '#identity/abilities'
import { actorFrom } from '#core/audit/actor'
import PaymentBatch from '#disbursements/models/payment_batch'
import { ImportStatement } from '#disbursements/actions/import_statement'
import { paymentsMessages, statementValidator } from '#disbursements/validators/payment_validators'

/** Importing the bank's statement of a run: camt.053 XML or CSV, reconciled. */
export default class StatementsController {
  @inject()
  async store(ctx: HttpContext, importStatement: ImportStatement) {
    await ctx.bouncer.authorize(manageFinance)
    const batch = await PaymentBatch.findOrFail(ctx.params.id)
    const { statement } = await ctx.request.validateUsing(statementValidator, {
      messagesProvider: paymentsMessages(ctx.i18n),
    })
    const content = await readFile(statement.tmpPath!, 'utf8')
    const format = content.trimStart().startsWith('<') ? 'camt053' : 'csv'
    const result = await importStatement.handle({ format, content, actor: actorFrom(ctx) })
    if (ctx.request.accepts(['html', 'json']) === 'json') return result
    ctx.session.flash('success', ctx.i18n.t('payments.flash.statement_imported', result))
    ctx.session.flash('statementMismatches', result.mismatches)
    return ctx.response.redirect().toRoute('payments.show', { id: batch.id })
  }
}
