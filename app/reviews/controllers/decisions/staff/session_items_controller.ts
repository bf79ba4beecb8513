import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { RecordConsensus } from '#reviews/actions/record_consensus'
import { findSession, sessionDone } from '#reviews/controllers/decisions/staff/session_access'
import {
  committeeSessionsMessages,
  consensusValidator,
} from '#reviews/validators/committee_sessions'
import { actorFrom } from '#core/audit/actor'

/** The consensus reached on one agenda item. */
export default class SessionItemsController {
  @inject()
  async update(ctx: HttpContext, recordConsensus: RecordConsensus) {
    const session = await findSession(ctx)
    await ctx.bouncer.with(DecisionPolicy).authorize('keepSession', session)
    const input = await ctx.request.validateUsing(consensusValidator, {
      messagesProvider: committeeSessionsMessages(ctx.i18n),
    })
    await recordConsensus.handle(
      session.id,
      [{ id: Number(ctx.params.item_id), ...input }],
      actorFrom(ctx)
    )
    return sessionDone(ctx, session.id, 'consensus')
  }
}
