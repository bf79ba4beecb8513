import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { APPEAL_STATEMENT_LENGTH } from '#eligibility/appeals'

/** Field names and messages in the reader's language (appeals.json, `validator`). */
export function appealsMessages(i18n: I18n) {
  return i18n.createMessagesProvider('appeals.validator')
}

/** The applicant's appeal: why the verdict is wrong, in their own words. */
export const appealValidator = vine.create(
  vine.object({
    statement: vine
      .string()
      .trim()
      .minLength(APPEAL_STATEMENT_LENGTH.min)
      .maxLength(APPEAL_STATEMENT_LENGTH.max),
  })
)

/** An officer's reason is what the applicant and the audit trail read: never empty. */
const officerReason = () => vine.string().trim().minLength(10).maxLength(2000)

/** An officer confirms the automatic verdict or overrides it. */
export const verdictReviewValidator = vine.create(
  vine.object({
    decision: vine.enum(['confirm', 'override'] as const),
    reason: officerReason(),
  })
)

/** An officer decides an appeal. */
export const appealDecisionValidator = vine.create(
  vine.object({
    decision: vine.enum(['eligible', 'ineligible'] as const),
    reason: officerReason(),
  })
)
