import type { HttpContext } from '@adonisjs/core/http'
import { reviewApplications } from '#identity/abilities'
import { reviewerQueue } from '#reviews/reviewer_queue'

/** A reviewer's assigned reviews across calls (`/reviews`). */
export default class ReviewerQueueController {
  async index({ view, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize(reviewApplications)
    const entries = await reviewerQueue(auth.getUserOrFail().id, i18n.locale)
    return view.render('pages/reviews/committee/queue', {
      entries,
      overdue: entries.filter((entry) => entry.overdue).length,
    })
  }
}
