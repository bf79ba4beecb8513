import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import CommitteeSession from '#reviews/models/committee_session'
import SessionItem from '#reviews/models/session_item'
import { buildAgenda } from '#reviews/agenda'
import { awardThresholdOf, scoredApplications } from '#reviews/ranking_candidates'
import type { planSessionValidator } from '#reviews/validators/committee_sessions'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** An officer plans a committee session; its agenda is drawn from the scores of the call. */
export class PlanSession {
  async handle(callId: number, input: Infer<typeof planSessionValidator>, actor: Actor) {
    return db.transaction(async (client) => {
      const threshold = await awardThresholdOf(callId, client)
      // The agenda needs scores only: no amount path.
      const scored = await scoredApplications(callId, client)
      const agenda = buildAgenda(scored, threshold, { includeOthers: input.include_others })
      const session = await CommitteeSession.create(
        { callId, heldAt: input.held_at, quorum: input.quorum, state: 'planned' },
        { client }
      )
      if (agenda.length > 0) {
        await SessionItem.createMany(
          agenda.map((item) => ({ ...item, sessionId: session.id })),
          { client }
        )
      }
      await recordAudit(
        {
          actor,
          action: 'committee_session.planned',
          subjectType: 'committee_session',
          subjectId: session.id,
          metadata: { callId, items: agenda.length },
        },
        client
      )
      return session
    })
  }
}
