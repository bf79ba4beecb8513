import db from '@adonisjs/lucid/services/db'
import CallRubric from '#reviews/models/call_rubric'
import Call from '#programmes/models/call'
import type { RubricSettings } from '#reviews/rubric'
import { DomainError } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * A programme officer saves the rubric of a call (checked beforehand by `checkRubric`).
 * Once a review has been submitted against it, the rubric is locked: scores already
 * given would no longer mean the same thing.
 */
export class SaveRubric {
  async handle(callId: number, settings: RubricSettings, actor: Actor) {
    return db.transaction(async (client) => {
      // The call's row serializes the first save; the rubric's row every later one.
      await Call.query({ client }).where('id', callId).forUpdate().firstOrFail()
      const existing = await CallRubric.query({ client })
        .where('call_id', callId)
        .forUpdate()
        .first()
      const submitted = await client
        .from('reviews')
        .where({ call_id: callId, state: 'submitted' })
        .select(db.raw('1'))
        .first()
      if (existing?.lockedAt || submitted) {
        throw new DomainError('rubrics.errors.locked', { status: 409, code: 'E_RUBRIC_LOCKED' })
      }
      const rubric = existing ?? new CallRubric()
      rubric.useTransaction(client)
      rubric.merge({ callId, ...settings })
      await rubric.save()
      await recordAudit(
        {
          actor,
          action: existing ? 'rubric.updated' : 'rubric.created',
          subjectType: 'call',
          subjectId: callId,
          metadata: { criteria: settings.criteria.map((criterion) => criterion.key) },
        },
        client
      )
      return rubric
    })
  }
}
