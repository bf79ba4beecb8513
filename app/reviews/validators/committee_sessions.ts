import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import type { I18n } from '@adonisjs/i18n'
import { casablancaInstant } from '#programmes/validators/rules'

/** Field names and messages in the reader's language (committee_sessions.json, `validator`). */
export function committeeSessionsMessages(i18n: I18n) {
  return i18n.createMessagesProvider('committee_sessions.validator')
}

export const planSessionValidator = vine.create(
  vine.object({
    held_at: casablancaInstant(),
    quorum: vine.number().withoutDecimals().min(1).max(100),
    include_others: vine.boolean().optional(),
  })
)

export const attendanceValidator = vine.create(
  vine.object({
    present: vine.array(recordId()).maxLength(200).optional(),
  })
)

export const consensusValidator = vine.create(
  vine.object({
    consensus_score: vine.number().min(0).max(100).decimal([0, 3]),
    recommendation: vine.enum(['award', 'reserve', 'reject'] as const),
    rationale: vine.string().trim().minLength(10).maxLength(5000),
  })
)
