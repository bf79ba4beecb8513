import Review from '#reviews/models/review'
import type User from '#identity/models/user'

/**
 * A reviewer's assignments for the API, soonest due first, with the application's
 * reference only, leaving out any the reviewer is now in conflict with (one query).
 */
export async function assignmentsOf(user: User) {
  if (!user.hasRole('reviewer')) return []
  const reviews = await Review.query()
    .join('applications as a', 'a.id', 'reviews.application_id')
    .where('reviews.reviewer_id', user.id)
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
  return reviews.map((review) =>
    Object.assign(review, { reference: (review.$extras.reference as string | null) ?? null })
  )
}
