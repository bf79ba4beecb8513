/**
 * How the portal reads a number: a JSON number, or a plain decimal string ("12",
 * "-3.5"). `Number(value)` (VineJS's default) also reads "0x10" as 16, "1e3" as 1000,
 * `true` as 1 and `[7]` as 7: an array where an id belongs would pass as that id.
 * Everything else is NaN, which every `vine.number()` reports as "must be a number".
 */
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/

export function strictNumber(value: unknown): number {
  if (typeof value === 'number') return value
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : Number.NaN
}
