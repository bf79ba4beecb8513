import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { findApplication } from '#applications/controllers/application_access'
import { InviteApplicationMember } from '#applications/actions/invite_application_member'
import { RevokeApplicationMember } from '#applications/actions/revoke_application_member'
import { ChangeMemberRole } from '#applications/actions/change_member_role'
import { memberInvitationValidator, memberRoleValidator } from '#applications/validators/members'
import { actorFrom } from '#core/audit/actor'

/** The owner's co-applicants (issue 14): invite by email, change a role, revoke. */
export default class ApplicationMembersController {
  @inject()
  async store(ctx: HttpContext, inviteMember: InviteApplicationMember) {
    const application = await findApplication(ctx, 'edit')
    const input = await ctx.request.validateUsing(memberInvitationValidator)
    const member = await inviteMember.handle(
      application.id,
      input,
      ctx.auth.getUserOrFail(),
      actorFrom(ctx)
    )
    const message = ctx.i18n.t('members.invited', { email: member.email })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({ id: member.id, role: member.role, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('applications.show', { id: application.id })
  }

  @inject()
  async update(ctx: HttpContext, changeRole: ChangeMemberRole) {
    const application = await findApplication(ctx, 'edit')
    const input = await ctx.request.validateUsing(memberRoleValidator)
    const member = await changeRole.handle(
      application.id,
      Number(ctx.params.memberId),
      input,
      actorFrom(ctx)
    )
    const message = ctx.i18n.t('members.role_changed')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: member.id, role: member.role, canSubmit: member.canSubmit, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('applications.show', { id: application.id })
  }

  @inject()
  async destroy(ctx: HttpContext, revokeMember: RevokeApplicationMember) {
    const application = await findApplication(ctx, 'edit')
    const user = ctx.auth.getUserOrFail()
    await revokeMember.handle(application.id, Number(ctx.params.memberId), {
      ...actorFrom(ctx),
      id: user.id,
    })
    const message = ctx.i18n.t('members.revoked')
    if (ctx.request.accepts(['html', 'json']) === 'json') return { message }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('applications.show', { id: application.id })
  }
}
