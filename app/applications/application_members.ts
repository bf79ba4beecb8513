import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ApplicationMember from '#applications/models/application_member'

/** How long an invitation link works: a week, used once (like a staff invitation). */
export const MEMBER_INVITATION_DAYS = 7

/** The person's accepted, unrevoked membership of the application, if any (one query). */
export function liveMembership(
  applicationId: number,
  userId: number,
  client?: TransactionClientContract
) {
  return ApplicationMember.query({ client })
    .where({ applicationId, userId })
    .whereNotNull('acceptedAt')
    .whereNull('revokedAt')
    .first()
}

/** Ids of the applications a person is a live co-applicant of, as a subquery. */
export function memberApplicationIds(userId: number) {
  return db
    .from('application_members')
    .where('user_id', userId)
    .whereNotNull('accepted_at')
    .whereNull('revoked_at')
    .select('application_id')
}
