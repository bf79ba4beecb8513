import type { HttpContext } from '@adonisjs/core/http'
import { findOpenReview } from '#reviews/controllers/scoring/review_access'
import { reviewerViewOf } from '#reviews/reviewer_view'
import { SaveReviewDraft } from '#reviews/actions/save_review_draft'

/** A reviewer's review of one assigned application: read, score, save as a draft. */
export default class ReviewsController {
  async show(ctx: HttpContext) {
    const review = await findOpenReview(ctx)
    const view = await reviewerViewOf(review, ctx.i18n.t('reviewing.blind.masked'))
    return ctx.view.render('pages/reviews/scoring/show', { ...view })
  }

  /** Saves the scores as typed (a draft); nothing is checked until submission. */
  async update(ctx: HttpContext) {
    const review = await findOpenReview(ctx)
    await new SaveReviewDraft().handle(review.id, ctx.request.input('scores'))
    ctx.session.flash('success', ctx.i18n.t('reviewing.flash.draft_saved'))
    return ctx.response.redirect().toRoute('reviews.show', { id: review.id })
  }
}
