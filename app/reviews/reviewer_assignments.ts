import Review from '#reviews/models/review'
import type User from '#identity/models/user'
import type { ReviewState } from '#reviews/review_lifecycle'

export interface AssignmentFilters {
  callId?: number
  state?: ReviewState
}

/**
 * One page of a reviewer's assignments for the API, soonest due first, with the
 * application's reference only, leaving out any the reviewer is now in conflict with
 * (a count and a page). Someone who is not a reviewer has none.
 */
export async function assignmentsOf(
  user: User,
  filters: AssignmentFilters,
  page: number,
  perPage: number
) {
  const reviews = await Review.query()
    .join('applications as a', 'a.id', 'reviews.application_id')
    .where('reviews.reviewer_id', user.hasRole('reviewer') ? user.id : 0)
    .if(filters.callId, (query) => query.where('reviews.call_id', filters.callId!))
    .if(filters.state, (query) => query.where('reviews.state', filters.state!))
    .whereNotExists((conflicts) =>
      conflicts
        .from('review_conflicts as c')
        .whereColumn('c.reviewer_id', 'reviews.reviewer_id')
        .where((match) =>
          match
            .whereColumn('c.application_id', 'reviews.application_id')
            .orWhere((organization) =>
              organization
                .whereColumn('c.call_id', 'a.call_id')
                .whereColumn('c.organization_id', 'a.organization_id')
            )
        )
    )
    .select('reviews.*', 'a.reference as reference')
    .orderBy('reviews.due_at')
    .orderBy('reviews.id')
    .paginate(page, perPage)
  for (const review of reviews) {
    Object.assign(review, { reference: (review.$extras.reference as string | null) ?? null })
  }
  return reviews
}
