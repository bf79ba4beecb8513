import vine from '@vinejs/vine'
import { paginationRules } from '#core/pagination'
import { INT4_MAX } from '#core/route_ids'

/** GET /api/v1/open-data/releases: `callId` narrows to one call; unknown values are a 422. */
export const releaseListValidator = vine.create({
  ...paginationRules(),
  callId: vine.number().withoutDecimals().min(1).max(INT4_MAX).optional(),
})
