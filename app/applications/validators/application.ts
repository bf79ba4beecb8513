import vine from '@vinejs/vine'
import { numeric } from '#core/validators/numeric'
import { paginationRules } from '#core/pagination'
import { APPLICATION_STATES } from '#applications/application_lifecycle'

export const startApplicationValidator = vine.create(
  vine.object({
    organizationId: numeric().withoutDecimals().positive().optional().nullable(),
  })
)

export const withdrawApplicationValidator = vine.create(
  vine.object({
    reason: vine.string().trim().maxLength(1000).optional().nullable(),
  })
)

/** GET /api/v1/applications: a page, optionally of one call or in one state. */
export const applicationListValidator = vine.create({
  ...paginationRules(),
  callId: numeric().withoutDecimals().positive().optional(),
  state: vine.enum(APPLICATION_STATES).optional(),
})
