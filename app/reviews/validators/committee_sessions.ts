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

const MAX_AGENDA_ITEMS = 500

const consensusFields = {
  consensus_score: vine.number().min(0).max(100).decimal([0, 3]),
  recommendation: vine.enum(['award', 'reserve', 'reject'] as const),
  rationale: vine.string().trim().minLength(10).maxLength(5000),
}

export const consensusValidator = vine.create(vine.object(consensusFields))

/**
 * The whole agenda's form: one entry per item, in agenda order; an item left blank is
 * null (see `agendaItemsOf`) so that errors keep the index of the item they are about.
 */
export const agendaConsensusValidator = vine.create(
  vine.object({
    items: vine
      .array(vine.object({ id: recordId(), ...consensusFields }).nullable())
      .minLength(1)
      .maxLength(MAX_AGENDA_ITEMS),
  })
)

const CONSENSUS_KEYS = ['consensus_score', 'recommendation', 'rationale']

/**
 * The agenda form's items, in order, those whose three fields are all blank as null (not
 * discussed). A form body lists more than 20 items as an object keyed "0", "1"… (the
 * query-string parser's array limit): it is read back as the list it is.
 */
export function agendaItemsOf(body: Record<string, unknown>) {
  let items = body.items
  if (typeof items === 'object' && items !== null && !Array.isArray(items)) {
    const indexes = Object.keys(items)
    if (!indexes.every((key) => /^\d{1,3}$/.test(key) && Number(key) < MAX_AGENDA_ITEMS)) {
      return body
    }
    const list: unknown[] = []
    for (const key of indexes) list[Number(key)] = (items as Record<string, unknown>)[key]
    items = list
  }
  if (!Array.isArray(items)) return body
  return {
    ...body,
    items: Array.from(items, (item) =>
      typeof item === 'object' &&
      item !== null &&
      CONSENSUS_KEYS.every((key) => {
        const value = (item as Record<string, unknown>)[key]
        return value === undefined || value === null || String(value).trim() === ''
      })
        ? null
        : item
    ),
  }
}
