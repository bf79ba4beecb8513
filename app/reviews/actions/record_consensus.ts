import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import SessionItem from '#reviews/models/session_item'
import { assertQuorum, lockOpenSession } from '#reviews/committee_sessions'
import type { consensusValidator } from '#reviews/validators/committee_sessions'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** The committee's consensus on one agenda item, only once the quorum is present. */
export class RecordConsensus {
  async handle(
    sessionId: number,
    itemId: number,
    input: Infer<typeof consensusValidator>,
    actor: Actor
  ) {
    return db.transaction(async (client) => {
      const session = await lockOpenSession(sessionId, client)
      await assertQuorum(session, client)
      const item = await SessionItem.query({ client })
        .where({ id: itemId, session_id: sessionId })
        .forUpdate()
        .firstOrFail()
      item.merge({
        consensusScore: input.consensus_score,
        recommendation: input.recommendation,
        rationale: input.rationale,
        decidedAt: DateTime.utc(),
      })
      await item.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'committee_session.consensus',
          subjectType: 'committee_session',
          subjectId: sessionId,
          reason: input.rationale,
          metadata: {
            applicationId: item.applicationId,
            score: input.consensus_score,
            recommendation: input.recommendation,
          },
        },
        client
      )
      return item
    })
  }
}
