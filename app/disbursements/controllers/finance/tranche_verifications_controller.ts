import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import TranchePolicy from '#disbursements/policies/tranche_policy'
import { VerifyTranche } from '#disbursements/actions/verify_tranche'
import {
  answerTrancheChange,
  findTrancheForFinance,
} from '#disbursements/controllers/finance/tranche_access'
import { actorFrom } from '#core/audit/actor'

/** A finance officer verifies a requested tranche (first pair of eyes). */
export default class TrancheVerificationsController {
  @inject()
  async store(ctx: HttpContext, verifyTranche: VerifyTranche) {
    const tranche = await findTrancheForFinance(ctx)
    await ctx.bouncer.with(TranchePolicy).authorize('verify', tranche)
    const verified = await verifyTranche.handle(tranche.id, actorFrom(ctx))
    return answerTrancheChange(ctx, verified, ctx.i18n.t('tranches.flash.verified'))
  }
}
