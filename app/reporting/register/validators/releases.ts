import vine from '@vinejs/vine'
import { paginationRules } from '#core/pagination'
import { ID_PATTERN } from '#core/route_ids'

/** GET /api/v1/open-data/releases: `callId` narrows to one call; unknown values are a 422. */
export const releaseListValidator = vine.create({
  ...paginationRules(),
  callId: vine.number().withoutDecimals().min(1).max(2_147_483_647).optional(),
})

/** The release id in `/open-data/releases/:release.json`, a positive int4, or no release. */
export function releaseIdOf(param: unknown): number | null {
  const text = String(param)
  return ID_PATTERN.test(text) ? Number(text) : null
}
