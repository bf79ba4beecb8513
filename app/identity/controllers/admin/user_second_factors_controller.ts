import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageUsers } from '#identity/abilities'
import { ResetSecondFactor } from '#identity/actions/reset_second_factor'
import { actorFrom } from '#core/audit/actor'

/** An admin resets a person's second factor (a lost phone); sudo, audited. */
export default class UserSecondFactorsController {
  @inject()
  async destroy(ctx: HttpContext, resetSecondFactor: ResetSecondFactor) {
    await ctx.bouncer.authorize(manageUsers)
    const person = await resetSecondFactor.handle(Number(ctx.params.id) || 0, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('mfa.reset.done', { name: person.fullName }))
    return ctx.response.redirect().toRoute('admin.user_roles.edit', { id: person.id })
  }
}
