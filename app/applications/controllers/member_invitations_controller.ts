import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import {
  AcceptMemberInvitation,
  pendingInvitation,
} from '#applications/actions/accept_member_invitation'
import { actorFrom } from '#core/audit/actor'

/**
 * The invitee opens the mailed link: signed in with the invited address, they accept;
 * otherwise the page says to sign in (or sign up) with it and open the link again.
 */
export default class MemberInvitationsController {
  async show(ctx: HttpContext) {
    const invitation = await pendingInvitation(ctx.params.token)
    if (!invitation) {
      ctx.response.status(400)
      return ctx.view.render('pages/applications/member_invitation', { invitation: null })
    }
    const user = ctx.auth.user
    return ctx.view.render('pages/applications/member_invitation', {
      invitation,
      token: ctx.params.token,
      signedIn: !!user,
      sameAddress: !!user && user.email.toLowerCase() === invitation.email.toLowerCase(),
    })
  }

  @inject()
  async update(ctx: HttpContext, acceptInvitation: AcceptMemberInvitation) {
    const applicationId = await acceptInvitation.handle(
      ctx.params.token,
      ctx.auth.getUserOrFail(),
      actorFrom(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('members.accepted'))
    return ctx.response.redirect().toRoute('applications.show', { id: applicationId })
  }
}
