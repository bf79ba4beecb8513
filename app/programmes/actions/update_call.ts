import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import Call from '#programmes/models/call'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import { callAttributes, type CallInput } from '#programmes/actions/create_call'
import { localizedFrom } from '#programmes/actions/programme_attributes'
import type { openCallValidator } from '#programmes/validators/call'

export type OpenCallInput = Infer<typeof openCallValidator>

/** Sets an instant only when it moves: the same instant in another zone is no change. */
function moveInstant(call: Call, key: 'opensAt' | 'closesAt', instant: DateTime) {
  if (call[key].toMillis() !== instant.toMillis()) call[key] = instant
}

export type CallChange =
  { state: 'draft'; input: CallInput } | { state: 'open'; input: OpenCallInput }

/**
 * Edits a call. A draft changes freely. An open call keeps the terms applicants rely
 * on: only its description changes, and its closing instant only moves later. Closed,
 * decided and archived calls are read only. The state the form was built for is checked
 * again under the row lock, so a call opened meanwhile is not edited as a draft.
 */
export class UpdateCall {
  async handle(callId: number, change: CallChange, actor: Actor) {
    return db.transaction(async (client) => {
      const call = await Call.query({ client }).where('id', callId).forUpdate().firstOrFail()
      if (call.state !== change.state) {
        throw new DomainError(
          call.state === 'draft' || call.state === 'open'
            ? 'staff_programmes.calls.state_changed'
            : 'staff_programmes.calls.read_only',
          { status: 409 }
        )
      }
      if (change.state === 'draft') {
        const { opensAt, closesAt, ...attributes } = callAttributes(change.input)
        call.merge(attributes)
        moveInstant(call, 'opensAt', opensAt)
        moveInstant(call, 'closesAt', closesAt)
      } else {
        const { input } = change
        if (input.closesAt.toMillis() < call.closesAt.toMillis()) {
          throw new DomainError('staff_programmes.calls.only_extend', { status: 422 })
        }
        call.merge({
          description: localizedFrom(input.descriptionFr, {
            ar: input.descriptionAr,
            zgh: input.descriptionZgh,
            en: input.descriptionEn,
          }),
        })
        // Reminders are the office's own courtesy, not a term of the call: they may change.
        if (input.draftReminderDays !== undefined) call.draftReminderDays = input.draftReminderDays
        moveInstant(call, 'closesAt', input.closesAt)
      }
      const changed = Object.keys(call.$dirty)
      if (changed.length === 0) return call
      await call.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'call.updated',
          subjectType: 'call',
          subjectId: call.id,
          metadata: { state: call.state, changed },
        },
        client
      )
      return call
    })
  }
}
