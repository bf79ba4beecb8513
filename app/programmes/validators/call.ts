import vine from '@vinejs/vine'
import { CALL_STATES } from '#programmes/call_lifecycle'
import { casablancaInstant, madAmount } from '#programmes/validators/rules'

/** Days before the closing instant a draft's owner is reminded (0: never). */
const draftReminderDays = () => vine.number().withoutDecimals().range([0, 60]).optional()

const title = () => vine.string().trim().maxLength(200)
const description = () => vine.string().trim().maxLength(5000)

const descriptions = {
  descriptionFr: description().minLength(3),
  descriptionAr: description().optional(),
  descriptionZgh: description().optional(),
  descriptionEn: description().optional(),
}

/** A call being drafted: everything can still change. */
export const callValidator = vine.create({
  titleFr: title().minLength(3),
  titleAr: title().optional(),
  titleZgh: title().optional(),
  titleEn: title().optional(),
  ...descriptions,
  opensAt: casablancaInstant(),
  closesAt: casablancaInstant({ after: 'opensAt' }),
  envelopeMad: madAmount(),
  blindReview: vine.boolean().optional(),
  draftReminderDays: draftReminderDays(),
})

/**
 * An open call: applicants rely on its terms, so only the description and the closing
 * instant change (and the instant only later; the action checks against the stored one).
 */
export const openCallValidator = vine.create({
  ...descriptions,
  closesAt: casablancaInstant(),
  draftReminderDays: draftReminderDays(),
})

export const callTransitionValidator = vine.create({
  to: vine.enum(CALL_STATES),
  reason: vine.string().trim().maxLength(500).optional(),
})
