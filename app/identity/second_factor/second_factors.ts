import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#identity/models/user'
import TotpFactor from '#identity/models/totp_factor'
import RecoveryCode from '#identity/models/recovery_code'
import Passkey from '#identity/models/passkey'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { matchTotp } from '#identity/second_factor/totp'
import { base32Encode } from '#core/base32'
import { secondFactorLimiter } from '#start/limiter'

export const RECOVERY_CODE_COUNT = 10

/** Ciphertexts made for TOTP secrets cannot be decrypted as anything else. */
const SECRET_PURPOSE = 'totp.secret'

export function encryptTotpSecret(secret: string) {
  return encryption.encrypt(secret, { purpose: SECRET_PURPOSE })
}

function decryptTotpSecret(factor: TotpFactor) {
  const secret = encryption.decrypt<string>(factor.secretEncrypted, SECRET_PURPOSE)
  if (!secret) throw new Error(`TOTP secret of user ${factor.userId} cannot be decrypted`)
  return secret
}

export async function hasTotp(user: User, client?: TransactionClientContract) {
  return (await TotpFactor.find(user.id, { client })) !== null
}

/** The factors a person has: the authenticator app, and their passkeys. */
export async function enrolledFactors(user: User) {
  const [totp, passkeys] = await Promise.all([
    hasTotp(user),
    Passkey.query().where('userId', user.id).select('id', 'name', 'createdAt', 'lastUsedAt'),
  ])
  return { totp, passkeys, any: totp || passkeys.length > 0 }
}

/** Case, spaces and dashes do not matter when a person types a recovery code. */
function digestRecoveryCode(code: string) {
  const normalized = code.toLowerCase().replace(/[\s-]/g, '')
  return createHash('sha256').update(normalized).digest('hex')
}

/**
 * A fresh set of recovery codes (50 random bits each, `xxxxx-xxxxx`) replaces the old
 * one; the codes are returned once, to be shown once, and only their digests stay.
 */
export async function replaceRecoveryCodes(user: User, client: TransactionClientContract) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase()
    return `${text.slice(0, 5)}-${text.slice(5)}`
  })
  await RecoveryCode.query({ client }).where('userId', user.id).delete()
  await RecoveryCode.createMany(
    codes.map((code) => ({ userId: user.id, codeHash: digestRecoveryCode(code) })),
    { client }
  )
  return codes
}

export interface SecondFactorQuota {
  remaining: number
  availableIn: number
}

export type SecondFactorCheck =
  | { outcome: 'valid'; method: 'totp' | 'recovery_code' }
  | { outcome: 'invalid' | 'throttled'; quota: SecondFactorQuota }

/**
 * Checks a code from the authenticator app, or else a recovery code. The attempt is
 * counted first (an atomic increment, so parallel guesses cannot all get through), and
 * over five wrong codes in 15 minutes the code is not even looked at. A TOTP code is
 * accepted only if it moves the last used step forward, with a conditional UPDATE: of
 * two parallel submissions of one code, one passes. A recovery code is spent the same
 * way, and audited.
 */
export async function checkSecondFactor(
  user: User,
  code: string,
  actor: Actor,
  nowMs = Date.now()
): Promise<SecondFactorCheck> {
  const limiter = secondFactorLimiter()
  const key = `second_factor_${user.id}`
  const counted = await limiter.increment(key)
  const quota = { remaining: Math.max(0, counted.remaining), availableIn: counted.availableIn }
  if (counted.consumed > counted.limit) return { outcome: 'throttled', quota }

  const method = (await acceptTotp(user, code, nowMs))
    ? 'totp'
    : (await spendRecoveryCode(user, code, actor))
      ? 'recovery_code'
      : null
  if (!method) return { outcome: 'invalid', quota }
  await limiter.delete(key)
  return { outcome: 'valid', method }
}

async function acceptTotp(user: User, code: string, nowMs: number) {
  const factor = await TotpFactor.find(user.id)
  if (!factor) return false
  const step = matchTotp(decryptTotpSecret(factor), code, nowMs, factor.lastUsedStep)
  if (step === null) return false
  const updated = await db
    .from('totp_factors')
    .where('user_id', user.id)
    .where((query) => query.whereNull('last_used_step').orWhere('last_used_step', '<', step))
    .update({ last_used_step: step })
  return Number(updated) === 1
}

async function spendRecoveryCode(user: User, code: string, actor: Actor) {
  if (code.replace(/[\s-]/g, '').length !== 10) return false
  return db.transaction(async (client) => {
    const spent = await client
      .from('recovery_codes')
      .where({ user_id: user.id, code_hash: digestRecoveryCode(code) })
      .whereNull('used_at')
      .update({ used_at: new Date() })
    if (Number(spent) !== 1) return false
    const left = await client
      .from('recovery_codes')
      .where('user_id', user.id)
      .whereNull('used_at')
      .count('* as total')
    await recordAudit(
      {
        actor,
        action: 'user.recovery_code_used',
        subjectType: 'user',
        subjectId: user.id,
        metadata: { remaining: Number(left[0].total) },
      },
      client
    )
    return true
  })
}
