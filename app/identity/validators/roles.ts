import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import { ROLES } from '#identity/roles'
import { LOCALES } from '#core/i18n/locales'
import { newAccountEmail } from '#identity/validators/account'

export const userRolesValidator = vine.create({
  roles: vine.array(vine.enum(ROLES)).distinct().maxLength(ROLES.length),
  instituteId: recordId().optional(),
})

/** A person an admin invites: who, with which roles, mailed in which language. */
export const invitationValidator = vine.create({
  email: newAccountEmail(),
  fullName: vine.string().trim().minLength(2).maxLength(160),
  roles: vine.array(vine.enum(ROLES)).minLength(1).distinct().maxLength(ROLES.length),
  instituteId: vine.number().positive().withoutDecimals().optional(),
  preferredLocale: vine.enum(LOCALES),
})

export const userSearchValidator = vine.create({
  q: vine.string().trim().maxLength(120).optional(),
  role: vine.enum(ROLES).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})
