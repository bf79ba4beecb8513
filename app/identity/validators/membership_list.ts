import vine from '@vinejs/vine'
import { paginationRules } from '#core/pagination'
import { ORGANIZATION_KINDS } from '#identity/models/organization'

/** GET /api/v1/organizations: a page of the caller's memberships, optionally of one kind. */
export const membershipListValidator = vine.create({
  ...paginationRules(),
  kind: vine.enum(ORGANIZATION_KINDS).optional(),
})
