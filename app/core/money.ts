import { intlTagOf } from '#core/i18n/locales'

const formatters = new Map<string, Intl.NumberFormat>()

function formatterFor(locale: string) {
  const tag = intlTagOf(locale)
  let formatter = formatters.get(tag)
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag, { style: 'currency', currency: 'MAD' })
    formatters.set(tag, formatter)
  }
  return formatter
}

/**
 * An amount of Moroccan dirhams held as integer centimes (never a float), immutable.
 * Stored in `bigint` columns; safe up to Number.MAX_SAFE_INTEGER centimes.
 */
export class Money {
  private constructor(readonly centimes: number) {}

  static ofCentimes(centimes: number) {
    if (!Number.isSafeInteger(centimes)) {
      throw new RangeError(`Money needs a whole number of centimes, got ${centimes}`)
    }
    return new Money(centimes)
  }

  static zero() {
    return new Money(0)
  }

  /**
   * Parses what a person types: "1 234,50", "1234.5", "1.234,50", "250000".
   * The last "," or "." followed by one or two digits is the decimal separator;
   * other spaces, dots and commas group thousands. Returns null when it is not an amount.
   */
  static parse(input: string): Money | null {
    const text = input.replace(/[\s\u00a0\u202f]/g, '').replace(/(MAD|DH|د\.م\.)$/i, '')
    const match = /^(-?)(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(text)
    if (!match) return null
    const [, sign, integerPart, decimals = ''] = match
    const centimes =
      Number(integerPart.replace(/[.,]/g, '')) * 100 + Number(decimals.padEnd(2, '0'))
    if (!Number.isSafeInteger(centimes)) return null
    return new Money(sign === '-' ? -centimes : centimes)
  }

  plus(other: Money) {
    return Money.ofCentimes(this.centimes + other.centimes)
  }

  minus(other: Money) {
    return Money.ofCentimes(this.centimes - other.centimes)
  }

  /**
   * Multiplies by a ratio, rounding half away from zero to the centime. The ratio is
   * taken as the decimal it is written as (0.7, not the binary 0.69999…) and the
   * product is computed exactly, so 45 × 0.7 is 31.5 and rounds to 32.
   */
  times(ratio: number) {
    if (!Number.isFinite(ratio)) throw new RangeError(`Money cannot be multiplied by ${ratio}`)
    const [mantissa, exponent = '0'] = String(ratio).split('e')
    const [whole, fraction = ''] = mantissa.split('.')
    const scale = fraction.length - Number(exponent)
    const product = BigInt(this.centimes) * BigInt(whole + fraction)
    if (scale <= 0) return Money.ofCentimes(Number(product * 10n ** BigInt(-scale)))
    const divisor = 10n ** BigInt(scale)
    const remainder = product % divisor
    const awayFromZero = 2n * (remainder < 0n ? -remainder : remainder) >= divisor
    const rounded = product / divisor + (awayFromZero ? (product < 0n ? -1n : 1n) : 0n)
    return Money.ofCentimes(Number(rounded))
  }

  /**
   * Splits into `parts` amounts that differ by at most one centime and add up exactly
   * (the first ones get the extra centimes), e.g. a stipend over 12 months.
   */
  split(parts: number): Money[] {
    if (!Number.isInteger(parts) || parts < 1)
      throw new RangeError('parts must be a positive integer')
    const base = Math.trunc(this.centimes / parts)
    const remainder = this.centimes - base * parts
    const step = Math.sign(remainder)
    return Array.from({ length: parts }, (_, index) =>
      Money.ofCentimes(base + (index < Math.abs(remainder) ? step : 0))
    )
  }

  compare(other: Money) {
    return Math.sign(this.centimes - other.centimes)
  }

  isNegative() {
    return this.centimes < 0
  }

  equals(other: Money) {
    return this.centimes === other.centimes
  }

  /** "1 234,50 MAD" in French, "‏1.234,50 د.م.‏" in Arabic, per the locale's conventions. */
  format(locale: string) {
    return formatterFor(locale).format(this.centimes / 100)
  }

  toJSON() {
    return this.centimes
  }
}
