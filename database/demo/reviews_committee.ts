import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#identity/models/user'
import Call from '#programmes/models/call'
import CommitteeMember from '#reviews/models/committee_member'
import { DEMO_PASSWORD } from '#database/seeders/main_seeder'

/** The demo committee's reviewers besides reviewer@manassa.test (the chair). */
const DEMO_REVIEWERS = [
  { email: 'reviewer2@manassa.test', fullName: 'Hind Lahlou', expertise: ['fintech', 'ai_data'] },
  {
    email: 'reviewer3@manassa.test',
    fullName: 'Mehdi Ouazzani',
    expertise: ['agritech', 'cleantech'],
  },
]

/**
 * A committee on each demo call that takes applications: the demo reviewer chairs it,
 * two more reviewers (same demo password) sit on it with expertise tags. The officer then
 * runs the assignment from the call's committee page. Idempotent: existing rows are kept.
 */
export async function seedReviewsCommittee(client: TransactionClientContract) {
  const chair = await User.query({ client }).where('email', 'reviewer@manassa.test').first()
  if (!chair) return
  const members: Array<{ user: User; role: 'chair' | 'member'; expertise: string[] }> = [
    { user: chair, role: 'chair', expertise: ['healthtech', 'edtech'] },
  ]
  for (const reviewer of DEMO_REVIEWERS) {
    const user = await User.firstOrCreate(
      { email: reviewer.email },
      {
        email: reviewer.email,
        fullName: reviewer.fullName,
        password: DEMO_PASSWORD,
        roles: ['reviewer'],
        preferredLocale: 'fr',
        emailVerifiedAt: DateTime.utc(),
      },
      { client }
    )
    members.push({ user, role: 'member', expertise: reviewer.expertise })
  }

  const calls = await Call.query({ client })
    .whereIn('state', ['open', 'closed'])
    .whereHas('programme', (programme) => programme.whereNot('kind', 'training'))
  for (const call of calls) {
    for (const { user, role, expertise } of members) {
      await CommitteeMember.firstOrCreate(
        { callId: call.id, userId: user.id },
        { callId: call.id, userId: user.id, role, expertise },
        { client }
      )
    }
  }
}
