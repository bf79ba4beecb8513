import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import ApplicationMember from '#applications/models/application_member'
import type { memberRoleValidator } from '#applications/validators/members'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { NotFound } from '#core/exceptions/domain_error'

/**
 * The owner changes a co-applicant's role or right to submit (a viewer never submits),
 * audited with the before and after; the next request of that person sees the change.
 */
export class ChangeMemberRole {
  async handle(
    applicationId: number,
    memberId: number,
    input: Infer<typeof memberRoleValidator>,
    actor: Actor
  ) {
    return db.transaction(async (client) => {
      const member = await ApplicationMember.query({ client })
        .where({ id: memberId, applicationId })
        .whereNull('revokedAt')
        .forUpdate()
        .first()
      if (!member) throw new NotFound('Member')
      const before = { role: member.role, canSubmit: member.canSubmit }
      member.merge({
        role: input.role,
        canSubmit: input.role === 'editor' && input.canSubmit === true,
      })
      if (!member.$isDirty) return member
      await member.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'application.member_role_changed',
          subjectType: 'application',
          subjectId: applicationId,
          metadata: {
            memberId: member.id,
            from: before,
            to: { role: member.role, canSubmit: member.canSubmit },
          },
        },
        client
      )
      return member
    })
  }
}
