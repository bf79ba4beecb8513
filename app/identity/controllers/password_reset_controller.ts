import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { forgotPasswordValidator, resetPasswordValidator } from '#identity/validators/account'
import { RequestPasswordReset } from '#identity/actions/request_password_reset'
import { ResetPassword } from '#identity/actions/reset_password'
import { actorFrom } from '#core/audit/actor'

export default class PasswordResetController {
  async create({ view }: HttpContext) {
    return view.render('pages/identity/forgot_password')
  }

  /** Same answer whether or not the address has an account. */
  @inject()
  async store(
    { request, session, i18n, response }: HttpContext,
    requestPasswordReset: RequestPasswordReset
  ) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await requestPasswordReset.handle(email)
    session.flash('success', i18n.t('auth.reset.sent'))
    return response.redirect().toRoute('session.create')
  }

  async edit({ view, params }: HttpContext) {
    return view.render('pages/identity/reset_password', { token: params.token })
  }

  @inject()
  async update(ctx: HttpContext, resetPassword: ResetPassword) {
    const { password } = await ctx.request.validateUsing(resetPasswordValidator)
    await resetPassword.handle(ctx.params.token, password, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('auth.reset.done'))
    return ctx.response.redirect().toRoute('session.create')
  }
}
