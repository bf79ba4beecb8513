import db from '@adonisjs/lucid/services/db'
import { Exception } from '@adonisjs/core/exceptions'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import SessionItem from '#reviews/models/session_item'
import { assertQuorum, lockOpenSession } from '#reviews/committee_sessions'
import type { consensusValidator } from '#reviews/validators/committee_sessions'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** The consensus on one agenda item (`id`). */
export type ItemConsensus = Infer<typeof consensusValidator> & { id: number }

/**
 * The committee's consensus on agenda items (one, or the whole agenda's form), only once
 * the quorum is present: all of them are recorded, each audited, or none.
 */
export class RecordConsensus {
  async handle(sessionId: number, entries: ItemConsensus[], actor: Actor) {
    return db.transaction(async (client) => {
      const session = await lockOpenSession(sessionId, client)
      await assertQuorum(session, client)
      const ids = new Set(entries.map((entry) => entry.id))
      const items = await SessionItem.query({ client })
        .where('session_id', sessionId)
        .whereIn('id', [...ids])
        .orderBy('position')
        .forUpdate()
      if (items.length !== ids.size) {
        throw new Exception('Agenda item not found', { status: 404, code: 'E_NOT_FOUND' })
      }
      const decidedAt = DateTime.utc()
      for (const item of items) {
        const input = entries.find((entry) => entry.id === item.id)!
        item.merge({
          consensusScore: input.consensus_score,
          recommendation: input.recommendation,
          rationale: input.rationale,
          decidedAt,
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
      }
      return items
    })
  }
}
