import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageFinance } from '#identity/abilities'
import { actorFrom } from '#core/audit/actor'
import { ExecutePaymentRun } from '#disbursements/actions/execute_payment_run'

/** Executing a prepared run (a resource: the run's execution), once. */
export default class PaymentRunExecutionsController {
  @inject()
  async store(ctx: HttpContext, executePaymentRun: ExecutePaymentRun) {
    await ctx.bouncer.authorize(manageFinance)
    const { batch, executed } = await executePaymentRun.handle(
      Number(ctx.params.id),
      actorFrom(ctx)
    )
    const message = ctx.i18n.t(
      executed ? `payments.flash.executed_${batch.rail}` : 'payments.flash.already_executed'
    )
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response
        .status(executed ? 202 : 200)
        .send({ id: batch.id, state: batch.state, executed, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('payments.show', { id: batch.id })
  }
}
