import db from '@adonisjs/lucid/services/db'
import Programme from '#programmes/models/programme'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { programmeAttributes, type ProgrammeInput } from '#programmes/actions/programme_attributes'

/** A programme officer sets up a programme: a Startup Maroc offer, the bourse de vie, a VC call. */
export class CreateProgramme {
  async handle(input: ProgrammeInput, actor: Actor) {
    return db.transaction(async (client) => {
      const programme = await Programme.create(programmeAttributes(input), { client })
      await recordAudit(
        {
          actor,
          action: 'programme.created',
          subjectType: 'programme',
          subjectId: programme.id,
          metadata: { code: programme.code, kind: programme.kind },
        },
        client
      )
      return programme
    })
  }
}
