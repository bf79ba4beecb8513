import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import CommitteeMember from '#reviews/models/committee_member'
import { expertiseTags, type committeeMemberValidator } from '#reviews/validators/committee'
import { InvalidFields } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * Adds a reviewer to a call's committee, as a member or as its chair (a call has one
 * chair: naming a new one makes the previous chair a member).
 */
export class AddCommitteeMember {
  async handle(callId: number, input: Infer<typeof committeeMemberValidator>, actor: Actor) {
    return db.transaction(async (client) => {
      await client.from('calls').where('id', callId).forUpdate().select('id').firstOrFail()
      const user = await client
        .from('users')
        .where('id', input.userId)
        .whereRaw(`'reviewer' = ANY(roles)`)
        .select('id')
        .first()
      if (!user)
        throw new InvalidFields([{ field: 'userId', message: 'committees.errors.not_reviewer' }])
      const existing = await CommitteeMember.query({ client })
        .where({ callId, userId: input.userId })
        .first()
      if (existing) {
        throw new InvalidFields([{ field: 'userId', message: 'committees.errors.already_member' }])
      }
      if (input.role === 'chair') {
        await client
          .from('committee_members')
          .where({ call_id: callId, role: 'chair' })
          .update({ role: 'member' })
      }
      const member = await CommitteeMember.create(
        {
          callId,
          userId: input.userId,
          role: input.role,
          expertise: expertiseTags(input.expertise),
        },
        { client }
      )
      await recordAudit(
        {
          actor,
          action: 'committee.member_added',
          subjectType: 'call',
          subjectId: callId,
          metadata: { userId: member.userId, role: member.role, expertise: member.expertise },
        },
        client
      )
      return member
    })
  }
}
