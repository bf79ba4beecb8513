import { randomBytes } from 'node:crypto'
import { base32Encode, CROCKFORD_ALPHABET } from '#core/base32'

/**
 * Verification codes of certificates: 80 random bits written as 16 characters of
 * Crockford's base32 (no I, L, O or U, so nothing reads as another character), shown in
 * groups of four. Guessing one among millions of certificates stays out of reach even
 * without the rate limit on /verify.
 */
const ALPHABET = CROCKFORD_ALPHABET
export const CODE_LENGTH = 16

export function newCertificateCode(): string {
  return base32Encode(randomBytes(10), ALPHABET)
}

/** "7KQ2-M9XD-…": how the code is printed and typed. */
export function groupCode(code: string) {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}

/**
 * What a person typed, as stored: case, spaces and dashes ignored, and the letters
 * Crockford's alphabet leaves out read as the digits they look like. Null when it
 * cannot be a code at all (no lookup is made then).
 */
export function normalizeCertificateCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (code.length !== CODE_LENGTH) return null
  for (const character of code) if (!ALPHABET.includes(character)) return null
  return code
}
