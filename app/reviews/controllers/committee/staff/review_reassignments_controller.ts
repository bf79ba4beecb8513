import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import CommitteePolicy from '#reviews/policies/committee_policy'
import { ReassignReview } from '#reviews/actions/reassign_review'
import { committeesMessages, reassignmentValidator } from '#reviews/validators/committee'
import { actorFrom } from '#core/audit/actor'

/** An officer hands an unsubmitted review to another committee member. */
export default class ReviewReassignmentsController {
  @inject()
  async store(ctx: HttpContext, reassignReview: ReassignReview) {
    await ctx.bouncer.with(CommitteePolicy).authorize('manage')
    const { reviewerId } = await ctx.request.validateUsing(reassignmentValidator, {
      messagesProvider: committeesMessages(ctx.i18n),
    })
    const review = await reassignReview.handle(Number(ctx.params.id), reviewerId, actorFrom(ctx))
    const message = ctx.i18n.t('committees.assignment.reassigned')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: review.id, reviewerId: review.reviewerId, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.assignments.index', { id: review.callId })
  }
}
