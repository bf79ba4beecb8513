import type { HttpContext } from '@adonisjs/core/http'
import { NotFound } from '#core/exceptions/domain_error'
import Review from '#reviews/models/review'
import ReviewPolicy from '#reviews/policies/review_policy'

/**
 * The review of the route's `:id`, if the signed-in person is its reviewer and no
 * conflict of interest bars them; a 404 otherwise, the same as a review that does not
 * exist (pages and API alike).
 */
export async function findOpenReview(ctx: HttpContext) {
  const review = await Review.find(Number(ctx.params.id) || 0)
  if (!review || (await ctx.bouncer.with(ReviewPolicy).denies('open', review))) {
    throw new NotFound('Review')
  }
  return review
}
