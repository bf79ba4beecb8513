import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import User from '#identity/models/user'
import Institute from '#training/models/institute'
import { manageUsers } from '#identity/abilities'
import { userRolesValidator } from '#identity/validators/roles'
import { SetUserRoles } from '#identity/actions/set_user_roles'
import { ROLES } from '#identity/roles'
import { actorFrom } from '#core/audit/actor'

/** The roles a person holds, granted and withdrawn by an admin. */
export default class UserRolesController {
  async edit({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageUsers)
    const [person, institutes] = await Promise.all([
      User.findOrFail(Number(params.id) || 0),
      Institute.query().orderBy('name'),
    ])
    return view.render('pages/identity/admin/users/roles', { person, roles: ROLES, institutes })
  }

  @inject()
  async update(ctx: HttpContext, setUserRoles: SetUserRoles) {
    await ctx.bouncer.authorize(manageUsers)
    // Unticking every box sends no roles at all; one box sends a lone string.
    const body = ctx.request.body()
    const roles = [body.roles ?? []].flat()
    const payload = await ctx.request.validateUsing(userRolesValidator, {
      data: { ...body, roles },
    })
    const person = await setUserRoles.handle(Number(ctx.params.id) || 0, payload, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('admin.roles.saved', { name: person.fullName }))
    return ctx.response.redirect().toRoute('admin.user_roles.edit', { id: person.id })
  }
}
