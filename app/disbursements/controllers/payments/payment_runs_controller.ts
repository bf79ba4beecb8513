import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageFinance } from '#identity/abilities'
import { actorFrom } from '#core/audit/actor'
import { PreparePaymentRun } from '#disbursements/actions/prepare_payment_run'
import { paymentRunPage, paymentRunsPage } from '#disbursements/payment_pages'
import { paymentRunValidator, paymentsMessages } from '#disbursements/validators/payment_validators'

/** Finance officers' payment runs: the approved tranches to pay, runs prepared and done. */
export default class PaymentRunsController {
  async index({ view, bouncer, request }: HttpContext) {
    await bouncer.authorize(manageFinance)
    return view.render('pages/disbursements/payments/index', await paymentRunsPage(request.qs()))
  }

  @inject()
  async store(ctx: HttpContext, preparePaymentRun: PreparePaymentRun) {
    await ctx.bouncer.authorize(manageFinance)
    const input = await ctx.request.validateUsing(paymentRunValidator, {
      messagesProvider: paymentsMessages(ctx.i18n),
    })
    const { batch, created } = await preparePaymentRun.handle({ ...input, actor: actorFrom(ctx) })
    const message = ctx.i18n.t(
      created ? 'payments.flash.prepared' : 'payments.flash.already_prepared',
      {
        reference: batch.reference,
      }
    )
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(created ? 201 : 200).send({
        id: batch.id,
        reference: batch.reference,
        trancheCount: batch.trancheCount,
        totalCentimes: batch.totalCentimes,
        created,
        message,
      })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('payments.show', { id: batch.id })
  }

  async show({ view, bouncer, params, request }: HttpContext) {
    await bouncer.authorize(manageFinance)
    const page = Math.max(1, Number(request.input('page', 1)) || 1)
    return view.render('pages/disbursements/payments/show', await paymentRunPage(params.id, page))
  }
}
