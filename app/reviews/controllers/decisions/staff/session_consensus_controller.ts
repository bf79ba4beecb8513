import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { RecordConsensus } from '#reviews/actions/record_consensus'
import { findSession, sessionDone } from '#reviews/controllers/decisions/staff/session_access'
import {
  agendaConsensusValidator,
  agendaItemsOf,
  committeeSessionsMessages,
} from '#reviews/validators/committee_sessions'
import { actorFrom } from '#core/audit/actor'

/** The committee's consensus on the whole agenda, from one form. */
export default class SessionConsensusController {
  @inject()
  async update(ctx: HttpContext, recordConsensus: RecordConsensus) {
    const session = await findSession(ctx)
    await ctx.bouncer.with(DecisionPolicy).authorize('keepSession', session)
    const { items } = await agendaConsensusValidator.validate(agendaItemsOf(ctx.request.all()), {
      messagesProvider: committeeSessionsMessages(ctx.i18n),
    })
    const entries = items.filter((item) => item !== null)
    if (entries.length > 0) await recordConsensus.handle(session.id, entries, actorFrom(ctx))
    return sessionDone(ctx, session.id, 'consensus')
  }
}
