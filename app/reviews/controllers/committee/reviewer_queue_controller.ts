import type { HttpContext } from '@adonisjs/core/http'
import { reviewApplications } from '#identity/abilities'
import { reviewerQueue } from '#reviews/reviewer_queue'
import { sessionsChairedBy } from '#reviews/committee_sessions'

/** A reviewer's assigned reviews across calls (`/reviews`). */
export default class ReviewerQueueController {
  async index({ view, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize(reviewApplications)
    const reviewerId = auth.getUserOrFail().id
    const [entries, chairedSessions] = await Promise.all([
      reviewerQueue(reviewerId, i18n.locale),
      sessionsChairedBy(reviewerId),
    ])
    return view.render('pages/reviews/committee/queue', {
      entries,
      chairedSessions,
      overdue: entries.filter((entry) => entry.overdue).length,
    })
  }
}
