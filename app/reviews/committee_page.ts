import db from '@adonisjs/lucid/services/db'
import type Call from '#programmes/models/call'

/** Everything the committee page shows, in a fixed number of queries. */
export async function committeePage(call: Call) {
  const [members, candidates, applications, conflicts] = await Promise.all([
    db
      .from('committee_members as m')
      .join('users as u', 'u.id', 'm.user_id')
      .leftJoin('reviews as r', (join) =>
        join.on('r.reviewer_id', 'm.user_id').andOn('r.call_id', 'm.call_id')
      )
      .where('m.call_id', call.id)
      .groupBy('m.id', 'u.id')
      .orderByRaw(`m.role = 'chair' DESC, u.full_name, m.id`)
      .select(
        'm.id',
        'm.role',
        'm.expertise',
        'u.id as userId',
        'u.full_name as fullName',
        'u.email'
      )
      .select(db.raw('count(r.id)::int AS load'))
      .select(db.raw(`count(r.id) FILTER (WHERE r.state = 'submitted')::int AS submitted`)),
    db
      .from('users')
      .whereRaw(`'reviewer' = ANY(roles)`)
      .whereNotExists((query) =>
        query
          .from('committee_members')
          .whereRaw('committee_members.user_id = users.id')
          .where('committee_members.call_id', call.id)
      )
      .orderBy('full_name')
      .limit(500)
      .select('id', 'full_name as fullName', 'email'),
    db
      .from('applications')
      .where('call_id', call.id)
      .whereIn('state', ['eligible', 'in_review'])
      .groupBy('state')
      .select('state', db.raw('count(*)::int AS count')),
    db.from('review_conflicts').where('call_id', call.id).count('* as count').first(),
  ])
  const maxLoad = Math.max(1, ...members.map((member) => member.load))
  const countOf = (state: string) => applications.find((row) => row.state === state)?.count ?? 0
  return {
    call,
    members,
    candidates,
    maxLoad,
    eligible: countOf('eligible'),
    inReview: countOf('in_review'),
    conflicts: Number(conflicts?.count ?? 0),
  }
}

const PAGE_SIZE = 50

/** One page of the call's applications under review, with their reviewers. */
export async function assignmentsPage(call: Call, page: number) {
  const applications = await db
    .from('applications')
    .where('call_id', call.id)
    .whereIn('state', ['eligible', 'in_review'])
    .orderBy('id')
    .select('id', 'reference', 'title', 'state')
    .paginate(page, PAGE_SIZE)
  const ids = applications.all().map((application) => application.id)
  const [reviews, members] = await Promise.all([
    ids.length
      ? db
          .from('reviews as r')
          .join('users as u', 'u.id', 'r.reviewer_id')
          .whereIn('r.application_id', ids)
          .orderBy('r.id')
          .select(
            'r.id',
            'r.application_id',
            'r.state',
            'r.due_at',
            'r.assigned_by',
            'r.reviewer_id',
            'u.full_name as reviewerName'
          )
      : [],
    db
      .from('committee_members as m')
      .join('users as u', 'u.id', 'm.user_id')
      .where('m.call_id', call.id)
      .orderBy('u.full_name')
      .select('u.id', 'u.full_name as fullName'),
  ])
  applications.baseUrl(`/staff/calls/${call.id}/assignments`)
  return {
    call,
    applications,
    rows: applications.all().map((application) => {
      const ownReviews = reviews.filter((review) => review.application_id === application.id)
      // A review can only go to a member who is not already on the application.
      const assigned = new Set(ownReviews.map((review) => review.reviewer_id))
      return {
        ...application,
        reviews: ownReviews,
        replacements: members.filter((member) => !assigned.has(member.id)),
      }
    }),
    members,
  }
}
