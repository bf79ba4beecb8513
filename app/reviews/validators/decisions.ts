import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { madAmount } from '#programmes/validators/rules'

/** Field names and messages in the reader's language (decisions.json, `validator`). */
export function decisionsMessages(i18n: I18n) {
  return i18n.createMessagesProvider('decisions.validator')
}

/** An officer decides one application by hand: an award (amount in MAD) or a rejection. */
export const manualDecisionValidator = vine.create(
  vine.object({
    outcome: vine.enum(['awarded', 'rejected'] as const),
    /** Dirhams as typed, out as centimes. */
    amount: madAmount().optional().requiredWhen('outcome', '=', 'awarded'),
    conditions: vine.string().trim().maxLength(2000).optional(),
    reasons: vine
      .string()
      .trim()
      .minLength(10)
      .maxLength(2000)
      .optional()
      .requiredWhen('outcome', '=', 'rejected'),
  })
)

/**
 * The applicant's answer to an award; with an acceptance, a person may also agree to be
 * named in the public register (the `open_data_publication` consent).
 */
export const awardResponseValidator = vine.create(
  vine.object({
    response: vine.enum(['accepted', 'declined'] as const),
    openDataConsent: vine.boolean().optional(),
  })
)
