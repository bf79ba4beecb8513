import db from '@adonisjs/lucid/services/db'
import Programme from '#programmes/models/programme'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { programmeAttributes, type ProgrammeInput } from '#programmes/actions/programme_attributes'

/** Edits a programme's code, texts and terms; its kind stays what it was created as. */
export class UpdateProgramme {
  async handle(programmeId: number, input: ProgrammeInput, actor: Actor) {
    return db.transaction(async (client) => {
      const programme = await Programme.query({ client })
        .where('id', programmeId)
        .forUpdate()
        .firstOrFail()
      programme.merge(programmeAttributes({ ...input, kind: programme.kind }))
      const changed = Object.keys(programme.$dirty)
      if (changed.length === 0) return programme
      await programme.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'programme.updated',
          subjectType: 'programme',
          subjectId: programme.id,
          metadata: { changed },
        },
        client
      )
      return programme
    })
  }
}
