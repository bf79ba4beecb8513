import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { signUpValidator } from '#identity/validators/account'
import { RegisterUser } from '#identity/actions/register_user'
import { actorFrom } from '#core/audit/actor'
import { SELF_SERVICE_ROLES } from '#identity/roles'
import type { Locale } from '#core/i18n/locales'

export default class SignUpController {
  async create({ view }: HttpContext) {
    return view.render('pages/identity/sign_up', { accountTypes: SELF_SERVICE_ROLES })
  }

  @inject()
  async store(ctx: HttpContext, registerUser: RegisterUser) {
    const payload = await ctx.request.validateUsing(signUpValidator)
    const user = await registerUser.handle(
      { ...payload, locale: ctx.i18n.locale as Locale },
      actorFrom(ctx)
    )
    await ctx.auth.use('web').login(user)
    ctx.session.flash('success', ctx.i18n.t('auth.sign_up.done', { email: user.email }))
    return ctx.response.redirect().toRoute('email_verification.notice')
  }
}
