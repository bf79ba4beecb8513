import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import TranchePolicy from '#disbursements/policies/tranche_policy'
import { CancelTranche } from '#disbursements/actions/cancel_tranche'
import {
  agreementsMessages,
  trancheCancellationValidator,
} from '#disbursements/validators/agreements'
import {
  answerTrancheChange,
  findTrancheForFinance,
} from '#disbursements/controllers/finance/tranche_access'
import { actorFrom } from '#core/audit/actor'

/** A finance officer cancels a tranche not yet in payment, with a reason. */
export default class TrancheCancellationsController {
  @inject()
  async store(ctx: HttpContext, cancelTranche: CancelTranche) {
    const tranche = await findTrancheForFinance(ctx)
    await ctx.bouncer.with(TranchePolicy).authorize('cancel', tranche)
    const { reason } = await ctx.request.validateUsing(trancheCancellationValidator, {
      messagesProvider: agreementsMessages(ctx.i18n),
    })
    const cancelled = await cancelTranche.handle(tranche.id, reason, actorFrom(ctx))
    return answerTrancheChange(ctx, cancelled, ctx.i18n.t('tranches.flash.cancelled'))
  }
}
