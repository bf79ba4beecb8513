import vine from '@vinejs/vine'
import { ROLES } from '#identity/roles'

export const userRolesValidator = vine.create({
  roles: vine.array(vine.enum(ROLES)).distinct().maxLength(ROLES.length),
  instituteId: vine.number().positive().withoutDecimals().optional(),
})

export const userSearchValidator = vine.create({
  q: vine.string().trim().maxLength(120).optional(),
  role: vine.enum(ROLES).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})
