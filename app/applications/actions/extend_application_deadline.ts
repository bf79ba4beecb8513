import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import Application from '#applications/models/application'
import DeadlineExtension from '#applications/models/deadline_extension'
import Call from '#programmes/models/call'
import type { deadlineExtensionValidator } from '#applications/validators/deadline_extensions'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'

/**
 * An officer gives one applicant's draft on a call a later closing instant, with a
 * reason: the extension row (one per application; granting again moves it) and its
 * audit entry commit together. Only a draft, only later than the call's own closing
 * instant and than now, and not once the call is decided.
 */
export class ExtendApplicationDeadline {
  async handle(
    callId: number,
    input: Infer<typeof deadlineExtensionValidator>,
    actor: Actor & { id: number },
    now: DateTime = DateTime.utc()
  ) {
    return db.transaction(async (client) => {
      const call = await Call.query({ client }).where('id', callId).forUpdate().firstOrFail()
      if (call.state !== 'open' && call.state !== 'closed') {
        throw new DomainError('deadlines.errors.call_state', { status: 409 })
      }
      const application = await Application.query({ client })
        .where('callId', call.id)
        .where('state', 'draft')
        .whereHas('applicant', (applicant) => applicant.whereRaw('lower(email) = ?', [input.email]))
        .forUpdate()
        .first()
      if (!application) {
        throw new InvalidFields([{ field: 'email', message: 'deadlines.errors.no_draft' }])
      }
      if (input.closesAt <= call.closesAt || input.closesAt <= now) {
        throw new InvalidFields([{ field: 'closesAt', message: 'deadlines.errors.not_later' }])
      }
      const previous = await DeadlineExtension.query({ client })
        .where('applicationId', application.id)
        .first()
      const extension = await DeadlineExtension.updateOrCreate(
        { applicationId: application.id },
        {
          callId: call.id,
          closesAt: input.closesAt,
          reason: input.reason,
          grantedBy: actor.id,
        },
        { client }
      )
      await recordAudit(
        {
          actor,
          action: 'application.deadline_extended',
          subjectType: 'application',
          subjectId: application.id,
          reason: input.reason,
          metadata: {
            callId: call.id,
            closesAt: input.closesAt.toISO(),
            previousClosesAt: previous?.closesAt.toISO() ?? call.closesAt.toISO(),
          },
        },
        client
      )
      return extension
    })
  }
}
