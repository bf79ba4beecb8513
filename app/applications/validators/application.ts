import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import { paginationRules } from '#core/pagination'
import { APPLICATION_STATES } from '#applications/application_lifecycle'

export const startApplicationValidator = vine.create(
  vine.object({
    organizationId: recordId().optional().nullable(),
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
  callId: recordId().optional(),
  state: vine.enum(APPLICATION_STATES).optional(),
})

/**
 * A draft save carries `answers`, an object of sections (their content is kept as
 * typed and validated on submission); only a post of files alone may leave it out.
 * Missing or mistyped, it is a 422, never a silent 200 that saved nothing.
 */
export const draftAnswersValidator = vine.create(
  vine.object({
    answers: vine.record(vine.any()).optional().requiredIfMissing('files'),
  })
)

/** Submitting saves what the page posted first, if anything: an object of sections. */
export const submittedAnswersValidator = vine.create(
  vine.object({
    answers: vine.record(vine.any()).optional(),
  })
)
