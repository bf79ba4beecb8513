import { BasePolicy } from '@adonisjs/bouncer'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type Review from '#reviews/models/review'

/**
 * A review is opened only by its reviewer, and never while a conflict of interest
 * stands between them and the application (declared on the application, or on the
 * organization that files it in this call). Everyone else, programme officers included,
 * does not know the review exists.
 */
export default class ReviewPolicy extends BasePolicy {
  async open(user: User, review: Review) {
    if (review.reviewerId !== user.id || !user.hasRole('reviewer')) return false
    return !(await hasConflict(user.id, review.applicationId))
  }
}

/** Whether a conflict of interest bars this reviewer from this application (one query). */
export async function hasConflict(reviewerId: number, applicationId: number) {
  const result = await db.rawQuery(
    `SELECT EXISTS (
      SELECT 1 FROM review_conflicts c JOIN applications a ON a.id = ?
      WHERE c.reviewer_id = ?
        AND (c.application_id = a.id
          OR (c.call_id = a.call_id AND c.organization_id = a.organization_id))
    ) AS conflicted`,
    [applicationId, reviewerId]
  )
  return result.rows[0].conflicted === true
}
