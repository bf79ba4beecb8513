import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import CommitteePolicy from '#reviews/policies/committee_policy'
import { AssignReviewers } from '#reviews/actions/assign_reviewers'
import { assignmentsPage } from '#reviews/committee_page'
import { actorFrom } from '#core/audit/actor'

/** A call's reviewer assignment (`/staff/calls/:id/assignments`): who reviews what, one run for all. */
export default class AssignmentsController {
  async index({ view, params, request, bouncer }: HttpContext) {
    await bouncer.with(CommitteePolicy).authorize('manage')
    const call = await Call.query().where('id', params.id).preload('programme').firstOrFail()
    const page = Math.max(1, Number(request.input('page', 1)) || 1)
    return view.render(
      'pages/reviews/committee/staff/assignments',
      await assignmentsPage(call, page)
    )
  }

  @inject()
  async store(ctx: HttpContext, assignReviewers: AssignReviewers) {
    await ctx.bouncer.with(CommitteePolicy).authorize('manage')
    const call = await Call.findOrFail(ctx.params.id)
    const outcome = await assignReviewers.handle(call.id, actorFrom(ctx))
    const message = ctx.i18n.t('committees.assignment.done', outcome)
    if (ctx.request.accepts(['html', 'json']) === 'json') return { ...outcome, message }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.assignments.index', { id: call.id })
  }
}
