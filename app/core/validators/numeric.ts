import vine from '@vinejs/vine'

/**
 * A number rule that answers "must be a number" for objects and arrays: VineJS converts
 * the value first, and an object whose toString is not callable throws a TypeError there
 * (and `[1]` would pass as 1).
 */
export function numeric() {
  return vine
    .number()
    .parse((value) => (value !== null && typeof value === 'object' ? Number.NaN : value))
}
