import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { changePasswordValidator } from '#identity/validators/account'
import { ChangePassword } from '#identity/actions/update_profile'
import { actorFrom } from '#core/audit/actor'

export default class ProfilePasswordController {
  @inject()
  async update(ctx: HttpContext, changePassword: ChangePassword) {
    const payload = await ctx.request.validateUsing(changePasswordValidator)
    await changePassword.handle(ctx.auth.getUserOrFail(), payload, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('profile.password.changed'))
    return ctx.response.redirect().toRoute('profile.edit')
  }
}
