import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Institute from '#training/models/institute'
import { manageUsers } from '#identity/abilities'
import { invitationValidator } from '#identity/validators/roles'
import { InviteUser } from '#identity/actions/invite_user'
import { ROLES } from '#identity/roles'
import { LOCALES } from '#core/i18n/locales'
import { actorFrom } from '#core/audit/actor'

/** An admin invites a person by email, with their roles (staff above all). */
export default class InvitationsController {
  async create({ view, bouncer }: HttpContext) {
    await bouncer.authorize(manageUsers)
    const institutes = await Institute.query().orderBy('name')
    return view.render('pages/identity/admin/invitations/create', {
      roles: ROLES,
      institutes,
      locales: LOCALES,
    })
  }

  @inject()
  async store(ctx: HttpContext, inviteUser: InviteUser) {
    await ctx.bouncer.authorize(manageUsers)
    // No box ticked sends no roles at all; one box sends a lone string.
    const body = ctx.request.body()
    const payload = await ctx.request.validateUsing(invitationValidator, {
      data: { ...body, roles: [body.roles ?? []].flat() },
    })
    const person = await inviteUser.handle(payload, actorFrom(ctx))
    const message = ctx.i18n.t('admin.invitations.sent', { email: person.email })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({ id: person.id, email: person.email, roles: person.roles })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('admin.users.index')
  }
}
