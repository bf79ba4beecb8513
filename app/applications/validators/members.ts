import vine from '@vinejs/vine'
import { MEMBER_ROLES } from '#applications/models/application_member'

/** The owner invites a co-applicant: an address, a role, and whether they may submit. */
export const memberInvitationValidator = vine.create({
  email: vine.string().trim().email().maxLength(254).toLowerCase(),
  role: vine.enum(MEMBER_ROLES),
  canSubmit: vine.boolean().optional(),
})

/** The owner changes what a co-applicant may do. */
export const memberRoleValidator = vine.create({
  role: vine.enum(MEMBER_ROLES),
  canSubmit: vine.boolean().optional(),
})
