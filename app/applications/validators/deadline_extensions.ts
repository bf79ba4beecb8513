import vine from '@vinejs/vine'
import { casablancaInstant } from '#programmes/validators/rules'

/**
 * An officer extends one applicant's deadline on a call: whose (the address they signed
 * up with), until when (Casablanca wall-clock time), and why (kept in the audit log).
 */
export const deadlineExtensionValidator = vine.create({
  email: vine.string().trim().email().maxLength(254).toLowerCase(),
  closesAt: casablancaInstant(),
  reason: vine.string().trim().minLength(10).maxLength(1000),
})
