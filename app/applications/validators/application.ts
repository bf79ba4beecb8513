import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'

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
