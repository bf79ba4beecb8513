import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { base32Decode, base32Encode } from '#core/base32'

/** RFC 6238 as every authenticator app does it: HMAC-SHA-1, 6 digits, 30-second steps. */
export const TOTP_STEP_SECONDS = 30
export const TOTP_DIGITS = 6
/** One step either side of the server's: a phone clock up to ~30 s off still works. */
export const TOTP_WINDOW = 1

/** A fresh 160-bit secret (the size RFC 4226 recommends for SHA-1), in base32. */
export function generateTotpSecret() {
  return base32Encode(randomBytes(20))
}

/** The time step a Unix time (ms) falls in. */
export function timeStep(nowMs: number) {
  return Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS)
}

/** RFC 4226 HOTP for one counter; `digits` and the hash are parameters for the RFC vectors. */
export function hotp(
  key: Buffer,
  counter: number,
  options: { digits?: number; algorithm?: 'sha1' | 'sha256' | 'sha512' } = {}
) {
  const digits = options.digits ?? TOTP_DIGITS
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac(options.algorithm ?? 'sha1', key)
    .update(message)
    .digest()
  const offset = mac[mac.length - 1] & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/**
 * The step a code belongs to, within the window around `nowMs`, or null. Only a step
 * after `lastUsedStep` counts: a code (or an older one) already accepted is never
 * accepted again, which the caller makes stick with a conditional update.
 */
export function matchTotp(
  secret: string,
  code: string,
  nowMs: number,
  lastUsedStep: number | null
): number | null {
  const candidate = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(candidate)) return null
  const key = base32Decode(secret)
  const current = timeStep(nowMs)
  let matched: number | null = null
  // Every step of the window is computed, whatever matches first: the time taken
  // says nothing about which step (or whether) the code matched.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(hotp(key, step))
    if (timingSafeEqual(expected, Buffer.from(candidate)) && matched === null) matched = step
  }
  if (matched === null) return null
  if (lastUsedStep !== null && matched <= lastUsedStep) return null
  return matched
}

/** The otpauth:// URI an authenticator app scans (Key Uri Format). */
export function otpauthUri(secret: string, account: string, issuer: string) {
  const label = encodeURIComponent(`${issuer}:${account}`)
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  })
  return `otpauth://totp/${label}?${params}`
}
