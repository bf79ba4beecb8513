import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import { paginationRules } from '#core/pagination'
import { REVIEW_STATES } from '#reviews/review_lifecycle'

/** GET /api/v1/reviews: a page of the reviewer's assignments, optionally of one call or state. */
export const reviewListValidator = vine.create({
  ...paginationRules(),
  callId: recordId().optional(),
  state: vine.enum(REVIEW_STATES).optional(),
})
