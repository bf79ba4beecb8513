import vine from '@vinejs/vine'
import { LOCALES } from '#core/i18n/locales'
import { SELF_SERVICE_ROLES } from '#identity/roles'

/** Addresses are compared and stored in lower case; nothing else about them is rewritten. */
const email = () => vine.string().trim().toLowerCase().email().maxLength(254)
/** Long passphrases welcome; 12 characters at least (ASVS 6.2.1). */
const newPassword = () => vine.string().minLength(12).maxLength(128)

/** An address no account has yet (the database's unique index is the backstop). */
export const newAccountEmail = () =>
  email().unique(async (db, value) => {
    const row = await db.from('users').whereRaw('lower(email) = ?', [value.toLowerCase()]).first()
    return !row
  })

export const signUpValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(160),
  email: newAccountEmail(),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
  accountType: vine.enum(SELF_SERVICE_ROLES),
  consent: vine.accepted(),
})

export const loginValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(128),
})

export const forgotPasswordValidator = vine.create({
  email: email(),
})

export const resetPasswordValidator = vine.create({
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const profileValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(160),
  preferredLocale: vine.enum(LOCALES),
  // Optional, for the dashboards' inclusion figures only; empty means "prefer not to say".
  gender: vine.enum(['female', 'male']).nullable().optional(),
  birthYear: vine.number().withoutDecimals().min(1900).max(2100).nullable().optional(),
})

export const changePasswordValidator = vine.create({
  currentPassword: vine.string().maxLength(128),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const accessTokenValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(128),
  name: vine.string().trim().maxLength(80).optional(),
  /** Staff, and anyone who enrolled one: the second factor's code. */
  code: vine.string().trim().minLength(6).maxLength(32).optional(),
})
