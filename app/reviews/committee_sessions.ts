import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import CommitteeSession from '#reviews/models/committee_session'
import { DomainError } from '#core/exceptions/domain_error'

/** The session, locked; a signed session (its minutes frozen) refuses any change. */
export async function lockOpenSession(sessionId: number, client: TransactionClientContract) {
  const session = await CommitteeSession.query({ client })
    .where('id', sessionId)
    .forUpdate()
    .firstOrFail()
  if (session.state === 'closed') {
    throw new DomainError('committee_sessions.errors.closed', { status: 409 })
  }
  return session
}

export async function presentCount(
  sessionId: number,
  client: TransactionClientContract | typeof db = db
) {
  const row = await client
    .from('session_attendances')
    .where({ session_id: sessionId, present: true })
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

/** No consensus, no minutes without the quorum of members present. */
export async function assertQuorum(session: CommitteeSession, client: TransactionClientContract) {
  if ((await presentCount(session.id, client)) < session.quorum) {
    throw new DomainError('committee_sessions.errors.no_quorum', {
      status: 409,
      data: { quorum: session.quorum },
    })
  }
}

/** The committee's chair of the call, if any. */
export async function isChairOf(userId: number, callId: number) {
  const chair = await db
    .from('committee_members')
    .where({ call_id: callId, user_id: userId, role: 'chair' })
    .first()
  return !!chair
}
