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
 * (addressLoginLimiter). Over either, the password is not even checked.
 */
export async function checkPassword(attempt: Attempt): Promise<PasswordCheck> {
  const limits = [
    { limiter: addressLoginLimiter(), key: `password_ip_${attempt.ip}` },
    { limiter: loginLimiter(), key: `${attempt.channel}_${attempt.email}_${attempt.ip}` },
  ]
  const before = await Promise.all(limits.map(({ limiter, key }) => limiter.get(key)))
  const quota = tighter(limits, before)
  if (quota.remaining <= 0) return { outcome: 'throttled', quota }

  try {
    const user = await User.verifyCredentials(attempt.email, attempt.password)
    await limits[1].limiter.delete(limits[1].key)
    return { outcome: 'valid', user, quota }
  } catch (error) {
    if (!(error instanceof authErrors.E_INVALID_CREDENTIALS)) throw error
    const after = await Promise.all(
      limits.map(async ({ limiter, key }) => {
        const response = await limiter.increment(key)
        if (response.consumed >= response.limit) {
          await limiter.block(key, limiter.blockDuration)
          return limiter.get(key)
        }
        return response
      })
    )
    return { outcome: 'invalid', error, quota: tighter(limits, after) }
  }
}

function tighter(
  limits: { limiter: { requests: number } }[],
  responses: (LimiterResponse | null)[]
): PasswordQuota {
  const quotas = responses.map((response, index) => ({
    limit: response?.limit ?? limits[index].limiter.requests,
    remaining: Math.max(0, response?.remaining ?? limits[index].limiter.requests),
    availableIn: response?.availableIn ?? 0,
  }))
  return quotas.reduce((least, quota) => (quota.remaining < least.remaining ? quota : least))
}
