import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import CommitteeSession from '#reviews/models/committee_session'
import { DomainError } from '#core/exceptions/domain_error'
import type { LocalizedText } from '#core/i18n/localized_text'

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

/** A session the person chairs that is not closed yet, as their dashboard and queue list it. */
export interface ChairedSession {
  id: number
  heldAt: Date
  state: string
  callTitle: LocalizedText
  /** Every agenda item has its consensus: only the chair's signature is missing. */
  minutesToSign: boolean
}

/**
 * The open sessions of the committees this person chairs, soonest first, in one query.
 * Read by bench/reviewer_queue.js's baseline too: keep it a plain template literal.
 */
export const CHAIRED_SESSIONS_SQL = `SELECT s.id, s.held_at, s.state, c.title AS call_title,
  NOT EXISTS (SELECT 1 FROM session_items si
    WHERE si.session_id = s.id AND si.decided_at IS NULL) AS minutes_to_sign
FROM committee_sessions s
JOIN committee_members cm ON cm.call_id = s.call_id AND cm.role = 'chair'
JOIN calls c ON c.id = s.call_id
WHERE cm.user_id = ? AND s.state <> 'closed'
ORDER BY s.held_at, s.id
LIMIT 50`

export async function sessionsChairedBy(userId: number): Promise<ChairedSession[]> {
  const { rows } = await db.rawQuery(CHAIRED_SESSIONS_SQL, [userId])
  return rows.map((row: Record<string, any>) => ({
    id: row.id,
    heldAt: row.held_at,
    state: row.state,
    callTitle: row.call_title,
    minutesToSign: row.minutes_to_sign,
  }))
}
