import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import Application from '#applications/models/application'
import ApplicationMember from '#applications/models/application_member'
import MemberInvitationMail from '#applications/mails/member_invitation_mail'
import { MEMBER_INVITATION_DAYS } from '#applications/application_members'
import type { memberInvitationValidator } from '#applications/validators/members'
import User from '#identity/models/user'
import { digest } from '#identity/one_time_tokens'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'

/** PostgreSQL's unique_violation: this address is already invited or a member. */
const UNIQUE_VIOLATION = '23505'

/**
 * The owner invites a co-applicant by email: the invitation row (only the link's SHA-256
 * stored) and its audit entry commit together, then a mail in the invitee's language
 * (their profile's when they have an account, else the inviter's) carries the link.
 */
export class InviteApplicationMember {
  async handle(
    applicationId: number,
    input: Infer<typeof memberInvitationValidator>,
    inviter: User,
    actor: Actor
  ) {
    const token = randomBytes(32).toString('base64url')
    const { application, member } = await db
      .transaction(async (client) => {
        const locked = await Application.query({ client })
          .where('id', applicationId)
          .preload('applicant')
          .preload('call')
          .forUpdate()
          .firstOrFail()
        if (locked.state === 'withdrawn') {
          throw new DomainError('members.errors.withdrawn', { status: 409 })
        }
        if (locked.applicant.email.toLowerCase() === input.email) {
          throw new InvalidFields([{ field: 'email', message: 'members.errors.owner' }])
        }
        const now = DateTime.utc()
        const created = await ApplicationMember.create(
          {
            applicationId: locked.id,
            email: input.email,
            role: input.role,
            canSubmit: input.role === 'editor' && input.canSubmit === true,
            invitedBy: inviter.id,
            invitedAt: now,
            tokenHash: digest(token),
            tokenExpiresAt: now.plus({ days: MEMBER_INVITATION_DAYS }),
          },
          { client }
        )
        await recordAudit(
          {
            actor,
            action: 'application.member_invited',
            subjectType: 'application',
            subjectId: locked.id,
            metadata: { memberId: created.id, role: created.role, canSubmit: created.canSubmit },
          },
          client
        )
        return { application: locked, member: created }
      })
      .catch((error) => {
        if (error?.code === UNIQUE_VIOLATION) {
          throw new InvalidFields([{ field: 'email', message: 'members.errors.already_invited' }])
        }
        throw error
      })

    const known = await User.query().whereRaw('lower(email) = ?', [member.email]).first()
    const recipient =
      known ??
      new User().merge({
        email: member.email,
        fullName: member.email,
        preferredLocale: inviter.preferredLocale,
      })
    await mail.sendLater(
      new MemberInvitationMail(recipient, `/member-invitations/${token}`, {
        inviter: inviter.fullName,
        callTitle: application.call.title,
        role: member.role,
      })
    )
    return member
  }
}
