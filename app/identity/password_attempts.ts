import { errors as authErrors } from '@adonisjs/auth'
import type { LimiterResponse } from '@adonisjs/limiter'
import User from '#identity/models/user'
import { addressLoginLimiter, loginLimiter } from '#start/limiter'

/** How many wrong passwords are left before a 429, and when it lifts (the tighter limit). */
export interface PasswordQuota {
  limit: number
  remaining: number
  availableIn: number
}

export type PasswordCheck =
  | { outcome: 'valid'; user: User; quota: PasswordQuota }
  | {
      outcome: 'invalid'
      error: InstanceType<typeof authErrors.E_INVALID_CREDENTIALS>
      quota: PasswordQuota
    }
  | { outcome: 'throttled'; quota: PasswordQuota }

interface Attempt {
  email: string
  password: string
  ip: string
  /** Web logins and API tokens count separately per account, together per address. */
  channel: 'login' | 'token'
}

/**
 * Every password check of a sign-in (web login, API token) goes through two limits: per
 * account and address (10 a minute, reset by a success) and per address alone
 * (addressLoginLimiter, which a success does not reset). Over either, the password is
 * not even checked. The attempt is counted before the check, with Redis's atomic
 * increment, so parallel guesses cannot all pass a read-then-count; only a success gives
 * its count back. Each limit is a fixed window from its first failure (no separate block,
 * whose reset of the count would race with the increments).
 */
export async function checkPassword(attempt: Attempt): Promise<PasswordCheck> {
  const [address, account] = [
    { limiter: addressLoginLimiter(), key: `password_ip_${attempt.ip}` },
    { limiter: loginLimiter(), key: `${attempt.channel}_${attempt.email}_${attempt.ip}` },
  ]
  const counted = await Promise.all(
    [address, account].map(({ limiter, key }) => limiter.increment(key))
  )
  const quota = tighter(counted)
  if (counted.some(({ consumed, limit }) => consumed > limit)) {
    return { outcome: 'throttled', quota }
  }
  try {
    const user = await User.verifyCredentials(attempt.email, attempt.password)
    const [refunded] = await Promise.all([
      address.limiter.decrement(address.key),
      account.limiter.delete(account.key),
    ])
    return { outcome: 'valid', user, quota: tighter([refunded]) }
  } catch (error) {
    if (!(error instanceof authErrors.E_INVALID_CREDENTIALS)) throw error
    return { outcome: 'invalid', error, quota }
  }
}

/** The limit with the fewest attempts left; at a tie, the one that lifts last. */
function tighter(responses: LimiterResponse[]): PasswordQuota {
  const quotas = responses.map(({ limit, remaining, availableIn }) => ({
    limit,
    remaining: Math.max(0, remaining),
    availableIn,
  }))
  return quotas.reduce((least, quota) =>
    quota.remaining < least.remaining ||
    (quota.remaining === least.remaining && quota.availableIn > least.availableIn)
      ? quota
      : least
  )
}
