import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import EnrolmentPolicy from '#training/policies/enrolment_policy'
import { WithdrawEnrolment } from '#training/actions/withdraw_enrolment'
import { findOwnEnrolment } from '#training/controllers/catalogue/enrolment_access'
import { actorFrom } from '#core/audit/actor'

/** A trainee withdraws their enrolment ("Me désister"), as a resource. */
export default class EnrolmentWithdrawalsController {
  /** POST /enrolments/:id/withdrawal */
  @inject()
  async store(ctx: HttpContext, withdrawEnrolment: WithdrawEnrolment) {
    const enrolment = await findOwnEnrolment(ctx)
    await ctx.bouncer.with(EnrolmentPolicy).authorize('withdraw', enrolment)
    const { enrolment: withdrawn } = await withdrawEnrolment.handle(enrolment.id, actorFrom(ctx))
    const message = ctx.i18n.t('enrolments.withdrawn')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.ok({ id: withdrawn.id, state: withdrawn.state, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('enrolments.show', { id: withdrawn.id })
  }
}
