import vine from '@vinejs/vine'

export const startApplicationValidator = vine.create(
  vine.object({
    organizationId: vine.number().withoutDecimals().positive().optional().nullable(),
  })
)

export const withdrawApplicationValidator = vine.create(
  vine.object({
    reason: vine.string().trim().maxLength(1000).optional().nullable(),
  })
)
