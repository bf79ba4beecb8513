import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import TranchePolicy from '#disbursements/policies/tranche_policy'
import { ApproveTranche } from '#disbursements/actions/approve_tranche'
import { FourEyesRequired } from '#disbursements/errors'
import {
  answerTrancheChange,
  findTrancheForFinance,
} from '#disbursements/controllers/finance/tranche_access'
import { actorFrom } from '#core/audit/actor'

/** A second finance officer approves a verified tranche for payment (four-eyes). */
export default class TrancheApprovalsController {
  @inject()
  async store(ctx: HttpContext, approveTranche: ApproveTranche) {
    const tranche = await findTrancheForFinance(ctx)
    if (await ctx.bouncer.with(TranchePolicy).denies('approve', tranche)) {
      throw new FourEyesRequired()
    }
    const approved = await approveTranche.handle(tranche.id, actorFrom(ctx), ctx.i18n.locale)
    return answerTrancheChange(ctx, approved, ctx.i18n.t('tranches.flash.approved'))
  }
}
