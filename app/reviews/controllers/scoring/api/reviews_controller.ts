import type { HttpContext } from '@adonisjs/core/http'
import { findOpenReview } from '#reviews/controllers/scoring/review_access'
import { reviewerViewOf } from '#reviews/reviewer_view'
import { assignmentsOf } from '#reviews/reviewer_assignments'
import { reviewResource, reviewSummaryResource } from '#reviews/transformers/review_transformer'
import { SaveReviewDraft } from '#reviews/actions/save_review_draft'
import { SubmitReview } from '#reviews/actions/submit_review'
import { actorFrom } from '#core/audit/actor'
import { DEFAULT_PER_PAGE, pageOf } from '#core/pagination'
import { reviewListValidator } from '#reviews/validators/review_list'

/**
 * Reviews through the JSON API: the reviewer's assignments, one application as they may
 * see it (blind when the call is), and their scores saved or submitted.
 */
export default class ReviewsController {
  async index({ auth, request }: HttpContext) {
    const filters = await request.validateUsing(reviewListValidator, { data: request.qs() })
    const page = await assignmentsOf(
      auth.getUserOrFail(),
      filters,
      filters.page ?? 1,
      filters.perPage ?? DEFAULT_PER_PAGE
    )
    const data = page.all().map((review) => reviewSummaryResource(review))
    return pageOf(page, data, request.url(), filters)
  }

  async show(ctx: HttpContext) {
    const review = await findOpenReview(ctx)
    return {
      data: reviewResource(await reviewerViewOf(review, ctx.i18n.t('reviewing.blind.masked'))),
    }
  }

  /** `{ scores, submit }`: saves the scores as a draft, or submits them when `submit` is true. */
  async update(ctx: HttpContext) {
    const review = await findOpenReview(ctx)
    const scores = ctx.request.input('scores')
    const saved =
      ctx.request.input('submit') === true
        ? await new SubmitReview().handle(review.id, scores ?? null, actorFrom(ctx))
        : await new SaveReviewDraft().handle(review.id, scores)
    return {
      data: reviewResource(await reviewerViewOf(saved, ctx.i18n.t('reviewing.blind.masked'))),
    }
  }
}
