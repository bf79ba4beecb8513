import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import Tranche from '#disbursements/models/tranche'
import { manageFinance } from '#identity/abilities'

/** A finance officer's tranche of the route's `:id` (403 for anyone else, 404 for none). */
export async function findTrancheForFinance(ctx: HttpContext) {
  await ctx.bouncer.authorize(manageFinance)
  const tranche = await Tranche.find(Number(ctx.params.id) || 0)
  if (!tranche) throw new Exception('Tranche not found', { status: 404, code: 'E_NOT_FOUND' })
  return tranche
}

/** Back to where the officer acted from (the queue or the agreement), with the message. */
export function answerTrancheChange(
  ctx: HttpContext,
  tranche: { id: number; state: string; agreementId: number },
  message: string
) {
  if (ctx.request.accepts(['html', 'json']) === 'json') {
    return { id: tranche.id, state: tranche.state, message }
  }
  ctx.session.flash('success', message)
  return ctx.response.redirect().back()
}
