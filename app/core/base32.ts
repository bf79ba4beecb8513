/** RFC 4648's base32 alphabet (authenticator apps); Crockford's avoids look-alike letters. */
export const RFC4648_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Bytes as base32 without padding, five bits a character. */
export function base32Encode(bytes: Uint8Array, alphabet = RFC4648_ALPHABET): string {
  let bits = 0
  let value = 0
  let output = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      output += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) output += alphabet[(value << (5 - bits)) & 31]
  return output
}

/**
 * RFC 4648 base32 back to bytes. Case, spaces and padding forgiven (people copy TOTP
 * secrets by hand); other letters refused.
 */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '')
  let bits = 0
  let value = 0
  const output: number[] = []
  for (const char of clean) {
    const index = RFC4648_ALPHABET.indexOf(char)
    if (index === -1) throw new Error('Not a base32 string')
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      output.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
    value &= (1 << bits) - 1
  }
  return Buffer.from(output)
}
