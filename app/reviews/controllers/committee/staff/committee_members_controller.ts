import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import CommitteePolicy from '#reviews/policies/committee_policy'
import { AddCommitteeMember } from '#reviews/actions/add_committee_member'
import { RemoveCommitteeMember } from '#reviews/actions/remove_committee_member'
import { committeePage } from '#reviews/committee_page'
import { committeeMemberValidator, committeesMessages } from '#reviews/validators/committee'
import { actorFrom } from '#core/audit/actor'

/** A call's committee (`/staff/calls/:id/committee`): members, chair, loads. */
export default class CommitteeMembersController {
  async index({ view, params, bouncer }: HttpContext) {
    await bouncer.with(CommitteePolicy).authorize('manage')
    const call = await Call.query().where('id', params.id).preload('programme').firstOrFail()
    return view.render('pages/reviews/committee/staff/show', await committeePage(call))
  }

  @inject()
  async store(ctx: HttpContext, addCommitteeMember: AddCommitteeMember) {
    await ctx.bouncer.with(CommitteePolicy).authorize('manage')
    const call = await Call.findOrFail(ctx.params.id)
    const input = await ctx.request.validateUsing(committeeMemberValidator, {
      messagesProvider: committeesMessages(ctx.i18n),
    })
    const member = await addCommitteeMember.handle(call.id, input, actorFrom(ctx))
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response
        .status(201)
        .send({ id: member.id, userId: member.userId, role: member.role })
    }
    ctx.session.flash('success', ctx.i18n.t('committees.members.added'))
    return ctx.response.redirect().toRoute('staff.committee.index', { id: call.id })
  }

  @inject()
  async destroy(ctx: HttpContext, removeCommitteeMember: RemoveCommitteeMember) {
    await ctx.bouncer.with(CommitteePolicy).authorize('manage')
    const callId = Number(ctx.params.id)
    await removeCommitteeMember.handle(callId, Number(ctx.params.memberId), actorFrom(ctx))
    if (ctx.request.accepts(['html', 'json']) === 'json') return ctx.response.noContent()
    ctx.session.flash('success', ctx.i18n.t('committees.members.removed'))
    return ctx.response.redirect().toRoute('staff.committee.index', { id: callId })
  }
}
