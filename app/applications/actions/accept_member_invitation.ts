import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import ApplicationMember from '#applications/models/application_member'
import type User from '#identity/models/user'
import { digest, isTokenShaped } from '#identity/one_time_tokens'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'

/** PostgreSQL's unique_violation: the person is already a member under another invitation. */
const UNIQUE_VIOLATION = '23505'

/**
 * The invitation its link names, while it can still be accepted: unused, unrevoked,
 * unexpired; null otherwise, whatever the reason (one "invalid link" answer).
 */
export async function pendingInvitation(token: string) {
  return isTokenShaped(token)
    ? await ApplicationMember.query()
        .where('tokenHash', digest(token))
        .whereNull('acceptedAt')
        .whereNull('revokedAt')
        .where('tokenExpiresAt', '>', DateTime.utc().toSQL()!)
        .preload('application', (application) => application.preload('call'))
        .preload('inviter', (inviter) => inviter.select('id', 'fullName'))
        .first()
    : null
}

/**
 * The signed-in invitee accepts: the link must have been sent to their own address (a
 * forwarded link is refused). One guarded UPDATE spends the link and binds the account,
 * so two accepts at once (a double click, two tabs) make one member; the partial unique
 * index on (application, person) is the backstop.
 */
export class AcceptMemberInvitation {
  async handle(token: string, user: User, actor: Actor) {
    const invitation = await pendingInvitation(token)
    if (!invitation) throw new DomainError('members.errors.invalid_link', { status: 400 })
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new DomainError('members.errors.other_address', { status: 403 })
    }
    return db
      .transaction(async (client) => {
        const now = DateTime.utc()
        const claimed = await client
          .from('application_members')
          .where('id', invitation.id)
          .whereNull('accepted_at')
          .whereNull('revoked_at')
          .where('token_expires_at', '>', now.toJSDate())
          .update({
            user_id: user.id,
            accepted_at: now.toJSDate(),
            token_hash: null,
            updated_at: now.toJSDate(),
          })
        if (Number(claimed) !== 1) {
          throw new DomainError('members.errors.invalid_link', { status: 400 })
        }
        await recordAudit(
          {
            actor,
            action: 'application.member_accepted',
            subjectType: 'application',
            subjectId: invitation.applicationId,
            metadata: { memberId: invitation.id, role: invitation.role },
          },
          client
        )
        return invitation.applicationId
      })
      .catch((error) => {
        if (error?.code === UNIQUE_VIOLATION) {
          throw new DomainError('members.errors.already_member', { status: 409 })
        }
        throw error
      })
  }
}
