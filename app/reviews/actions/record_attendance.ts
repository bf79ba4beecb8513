import db from '@adonisjs/lucid/services/db'
import { lockOpenSession } from '#reviews/committee_sessions'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * Who of the committee is present. Everyone on the committee gets a row (present or
 * not), so the minutes list the absent too; ids outside the committee are ignored.
 */
export class RecordAttendance {
  async handle(sessionId: number, presentIds: number[], actor: Actor) {
    return db.transaction(async (client) => {
      const session = await lockOpenSession(sessionId, client)
      const rows = await client
        .from('committee_members')
        .where('call_id', session.callId)
        .orderBy('user_id')
        .select('user_id')
      const members: number[] = rows.map((row) => row.user_id)
      const present = new Set(presentIds)
      await client.from('session_attendances').where('session_id', sessionId).delete()
      if (members.length > 0) {
        await client.table('session_attendances').multiInsert(
          members.map((userId) => ({
            session_id: sessionId,
            user_id: userId,
            present: present.has(userId),
          }))
        )
      }
      if (session.state === 'planned') session.state = 'open'
      await session.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'committee_session.attendance',
          subjectType: 'committee_session',
          subjectId: sessionId,
          metadata: { present: members.filter((id) => present.has(id)) },
        },
        client
      )
      return session
    })
  }
}
