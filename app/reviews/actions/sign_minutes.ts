import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import type { I18n } from '@adonisjs/i18n'
import { DateTime } from 'luxon'
import Call from '#programmes/models/call'
import type User from '#identity/models/user'
import SessionItem from '#reviews/models/session_item'
import { assertQuorum, isChairOf, lockOpenSession } from '#reviews/committee_sessions'
import { renderSessionMinutes } from '#reviews/minutes_pdf'
import { DomainError } from '#core/exceptions/domain_error'
import { localize } from '#core/i18n/localized_text'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** Where the signed minutes are kept; their sha256 is on the session row. */
export function minutesKey(sessionId: number) {
  return `minutes/committee-session-${sessionId}.pdf`
}

/**
 * The chair signs the minutes: the PDF is rendered once, stored, its sha256 recorded,
 * and the session closed; nothing of it changes afterwards.
 */
export class SignMinutes {
  async handle(sessionId: number, chair: User, i18n: I18n, actor: Actor) {
    return db.transaction(async (client) => {
      const session = await lockOpenSession(sessionId, client)
      if (!(await isChairOf(chair.id, session.callId))) {
        throw new DomainError('committee_sessions.errors.not_chair', { status: 403 })
      }
      await assertQuorum(session, client)
      const call = await Call.findOrFail(session.callId, { client })
      const attendance = await client
        .from('session_attendances as sa')
        .join('users as u', 'u.id', 'sa.user_id')
        .join('committee_members as cm', (join) =>
          join.on('cm.user_id', 'sa.user_id').andOnVal('cm.call_id', session.callId)
        )
        .where('sa.session_id', sessionId)
        .orderBy('u.full_name')
        .select('u.full_name', 'cm.role', 'sa.present')
      const items = await SessionItem.query({ client })
        .where('session_id', sessionId)
        .preload('application')
        .orderBy('position')
      const signedAt = DateTime.utc()
      const pdf = await renderSessionMinutes(
        {
          callTitle: localize(call.title, i18n.locale),
          heldAt: session.heldAt,
          quorum: session.quorum,
          attendance: attendance.map((row) => ({
            name: row.full_name,
            role: row.role,
            present: row.present,
          })),
          items: items.map((item) => ({
            reference: item.application.reference ?? `#${item.applicationId}`,
            reason: item.reason,
            consensusScore: item.consensusScore,
            recommendation: item.recommendation,
            rationale: item.rationale,
          })),
          chairName: chair.fullName,
          signedAt,
        },
        i18n
      )
      await drive.use().put(minutesKey(sessionId), Buffer.from(pdf))
      const sha256 = createHash('sha256').update(pdf).digest('hex')
      await client.from('committee_sessions').where('id', sessionId).update({
        state: 'closed',
        signed_by: chair.id,
        signed_at: signedAt.toJSDate(),
        minutes_sha256: sha256,
        updated_at: signedAt.toJSDate(),
      })
      await recordAudit(
        {
          actor,
          action: 'committee_session.signed',
          subjectType: 'committee_session',
          subjectId: sessionId,
          metadata: { sha256 },
        },
        client
      )
      return { id: sessionId, sha256 }
    })
  }
}
