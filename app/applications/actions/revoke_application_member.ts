import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import ApplicationMember from '#applications/models/application_member'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { NotFound } from '#core/exceptions/domain_error'

/**
 * The owner revokes a co-applicant or a pending invitation: from the next request on,
 * the person no longer knows the application exists, and the link no longer works.
 */
export class RevokeApplicationMember {
  async handle(applicationId: number, memberId: number, actor: Actor & { id: number }) {
    return db.transaction(async (client) => {
      const member = await ApplicationMember.query({ client })
        .where({ id: memberId, applicationId })
        .whereNull('revokedAt')
        .forUpdate()
        .first()
      if (!member) throw new NotFound('Member')
      member.merge({ revokedAt: DateTime.utc(), revokedBy: actor.id, tokenHash: null })
      await member.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'application.member_revoked',
          subjectType: 'application',
          subjectId: applicationId,
          metadata: {
            memberId: member.id,
            role: member.role,
            accepted: member.acceptedAt !== null,
          },
        },
        client
      )
      return member
    })
  }
}
