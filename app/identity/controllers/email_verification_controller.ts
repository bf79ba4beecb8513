import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { SendEmailVerification } from '#identity/actions/send_email_verification'
import { VerifyEmail } from '#identity/actions/verify_email'
import { actorFrom } from '#core/audit/actor'

export default class EmailVerificationController {
  /** "Check your inbox", with a button to send the link again. */
  async show({ view, auth, response }: HttpContext) {
    if (auth.getUserOrFail().isVerified) return response.redirect('/dashboard')
    return view.render('pages/identity/verify_email')
  }

  @inject()
  async store(
    { auth, session, i18n, response }: HttpContext,
    sendEmailVerification: SendEmailVerification
  ) {
    await sendEmailVerification.handle(auth.getUserOrFail())
    session.flash('success', i18n.t('auth.verify.sent'))
    return response.redirect().back()
  }

  /** The link from the email; works signed in or not. */
  @inject()
  async update(ctx: HttpContext, verifyEmail: VerifyEmail) {
    await verifyEmail.handle(ctx.params.token, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('auth.verify.done'))
    return ctx.response.redirect(ctx.auth.user ? '/dashboard' : '/login')
  }
}
