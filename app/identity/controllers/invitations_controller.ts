import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { resetPasswordValidator } from '#identity/validators/account'
import { ResetPassword } from '#identity/actions/reset_password'
import { actorFrom } from '#core/audit/actor'

/** The invited person chooses their password with the invitation's single-use link. */
export default class InvitationsController {
  async edit({ view, params }: HttpContext) {
    return view.render('pages/identity/accept_invitation', { token: params.token })
  }

  @inject()
  async update(ctx: HttpContext, resetPassword: ResetPassword) {
    const { password } = await ctx.request.validateUsing(resetPasswordValidator)
    await resetPassword.handle(ctx.params.token, password, actorFrom(ctx), 'invitation')
    ctx.session.flash('success', ctx.i18n.t('auth.invitation.done'))
    return ctx.response.redirect().toRoute('session.create')
  }
}
