import type { HttpContext } from '@adonisjs/core/http'
import { findOpenReview } from '#reviews/controllers/scoring/review_access'
import { SubmitReview } from '#reviews/actions/submit_review'
import { actorFrom } from '#core/audit/actor'

/** A reviewer submits their review (final); the form's scores are saved with it. */
export default class ReviewSubmissionsController {
  async store(ctx: HttpContext) {
    const review = await findOpenReview(ctx)
    await new SubmitReview().handle(review.id, ctx.request.input('scores') ?? null, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('reviewing.flash.submitted'))
    return ctx.response.redirect().toRoute('reviews.show', { id: review.id })
  }
}
