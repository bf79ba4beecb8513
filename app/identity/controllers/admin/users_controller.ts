import type { HttpContext } from '@adonisjs/core/http'
import User from '#identity/models/user'
import { manageUsers } from '#identity/abilities'
import { userSearchValidator } from '#identity/validators/roles'
import { ROLES } from '#identity/roles'

const PER_PAGE = 25

/** Admins find people by name or email and filter by role. */
export default class UsersController {
  async index({ view, request, bouncer }: HttpContext) {
    await bouncer.authorize(manageUsers)
    const filters = await userSearchValidator.validate(request.qs())
    const users = await User.query()
      .if(filters.q, (query) =>
        query.where((match) =>
          match.whereILike('email', `%${filters.q}%`).orWhereILike('full_name', `%${filters.q}%`)
        )
      )
      .if(filters.role, (query) => query.withScopes((scopes) => scopes.withRole(filters.role!)))
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, PER_PAGE)
    users.baseUrl(request.url()).queryString({ q: filters.q, role: filters.role })
    return view.render('pages/identity/admin/users/index', { users, filters, roles: ROLES })
  }
}
