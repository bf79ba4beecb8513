import vine from '@vinejs/vine'

/** A chain position in a signed-head URL. */
export const headPositionValidator = vine.create({
  position: vine.number().positive().withoutDecimals().max(Number.MAX_SAFE_INTEGER),
})
