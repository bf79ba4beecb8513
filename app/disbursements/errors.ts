import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#core/exceptions/domain_error'

/**
 * The approver verified (or asked for) this tranche: a 403 that says why, as a page
 * or as JSON, rather than the generic "forbidden".
 */
export class FourEyesRequired extends DomainError {
  constructor() {
    super('tranches.errors.four_eyes', { status: 403, code: 'E_FOUR_EYES' })
  }

  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n.t(error.translationKey)
    ctx.response.status(403)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.send({ errors: [{ code: error.code, message }] })
    }
    return ctx.response.send(
      await ctx.view.render('pages/disbursements/finance/four_eyes', { message })
    )
  }
}
