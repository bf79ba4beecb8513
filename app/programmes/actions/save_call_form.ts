import db from '@adonisjs/lucid/services/db'
import Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import FormVersion from '#programmes/models/form_version'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import type { FormDefinition } from '#programmes/forms/form_definition'
import type { Actor } from '#core/audit/actor'
import { isFormEditable } from '#programmes/form_versions'

/**
 * Saves a call's application form. A version an application was submitted against
 * (frozen) is never rewritten: the change becomes the next version, which new and draft
 * applications use. An unfrozen latest version is corrected in place.
 *
 * The call row is locked so two saves cannot both create the same version number; the
 * latest version row is locked so a submission cannot freeze it halfway through.
 */
export class SaveCallForm {
  async handle(callId: number, definition: FormDefinition, actor: Actor) {
    return db.transaction(async (client) => {
      const call = await Call.query({ client }).where('id', callId).forUpdate().firstOrFail()
      const programme = await Programme.query({ client })
        .where('id', call.programmeId)
        .firstOrFail()
      const problems = checkFormDefinition(definition, programme.kind)
      if (problems.length > 0) {
        throw new DomainError('staff_programmes.form.invalid', {
          status: 422,
          data: { count: problems.length },
        })
      }
      if (!isFormEditable(call)) {
        throw new DomainError('staff_programmes.calls.read_only', { status: 409 })
      }
      const latest = await FormVersion.query({ client })
        .where('call_id', call.id)
        .orderBy('version', 'desc')
        .forUpdate()
        .first()

      let saved: FormVersion
      let created: boolean
      if (latest && !latest.isFrozen) {
        latest.definition = definition
        // Saving the same definition again changes nothing and records nothing.
        if (!latest.$isDirty) return { version: latest, created: false }
        saved = await latest.useTransaction(client).save()
        created = false
      } else {
        saved = await FormVersion.create(
          { callId: call.id, version: (latest?.version ?? 0) + 1, definition, frozenAt: null },
          { client }
        )
        created = true
      }
      await recordAudit(
        {
          actor,
          action: 'call.form_updated',
          subjectType: 'call',
          subjectId: call.id,
          metadata: { version: saved.version, formVersionId: saved.id, newVersion: created },
        },
        client
      )
      return { version: saved, created }
    })
  }
}
