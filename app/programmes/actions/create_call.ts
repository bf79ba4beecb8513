import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { localizedFrom } from '#programmes/actions/programme_attributes'
import type { callValidator } from '#programmes/validators/call'

/** Drafts are reminded 3 days before the closing instant unless the call says otherwise. */
export const DEFAULT_DRAFT_REMINDER_DAYS = 3

export type CallInput = Infer<typeof callValidator>

/** The call's columns from the drafting form. */
export function callAttributes(input: CallInput) {
  return {
    title: localizedFrom(input.titleFr, {
      ar: input.titleAr,
      zgh: input.titleZgh,
      en: input.titleEn,
    }),
    description: localizedFrom(input.descriptionFr, {
      ar: input.descriptionAr,
      zgh: input.descriptionZgh,
      en: input.descriptionEn,
    }),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    envelopeCentimes: input.envelopeMad,
    blindReview: input.blindReview ?? false,
    draftReminderDays: input.draftReminderDays ?? DEFAULT_DRAFT_REMINDER_DAYS,
  }
}

/** A new edition of a programme, as a draft: nobody sees it until it is opened. */
export class CreateCall {
  async handle(programmeId: number, input: CallInput, actor: Actor) {
    return db.transaction(async (client) => {
      const programme = await Programme.query({ client })
        .where('id', programmeId)
        .forShare()
        .firstOrFail()
      const call = await Call.create(
        { ...callAttributes(input), programmeId: programme.id, state: 'draft' },
        { client }
      )
      await recordAudit(
        {
          actor,
          action: 'call.created',
          subjectType: 'call',
          subjectId: call.id,
          metadata: { programmeId: programme.id },
        },
        client
      )
      return call
    })
  }
}
