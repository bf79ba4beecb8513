/*
| Rate limits, kept in Redis so that every web process shares them.
*/
import limiter from '@adonisjs/limiter/services/main'

/** Forms that send email or create accounts: 20 a minute per address. */
export const throttleAccountForms = limiter.define('account_forms', (ctx) =>
  limiter.allowRequests(20).every('1 minute').usingKey(`ip_${ctx.request.ip()}`)
)

/** Ten wrong passwords a minute for one email from one address; the eleventh is refused. */
export function loginLimiter() {
  return limiter.use({ requests: 10, duration: '1 minute', blockDuration: '1 minute' })
}

/**
 * Ten wrong passwords in 15 minutes from one address, whatever the accounts; the address
 * then waits for the end of those 15 minutes (password spraying: one common password
 * tried on many accounts never trips the per-account limit). That is at most 40 guesses
 * an hour from one address, while a person who mistypes, or a classroom behind one NAT
 * address, rarely makes ten mistakes in a quarter of an hour. Only failures count, and a
 * success does not reset it (an attacker's own account must not wipe the count).
 */
export function addressLoginLimiter() {
  return limiter.use({ requests: 10, duration: '15 minutes' })
}

/**
 * Five wrong second-factor codes (authenticator or recovery) in 15 minutes per account:
 * a six-digit code has a million values, so guessing is hopeless at that pace.
 */
export function secondFactorLimiter() {
  return limiter.use({ requests: 5, duration: '15 minutes' })
}

/**
 * The public "am I eligible?" check of a call page: no account needed, so 30 a minute
 * per address, enough for a person trying answers, not for scripted probing.
 */
export const throttleEligibilityChecks = limiter.define('eligibility_checks', (ctx) =>
  limiter.allowRequests(30).every('1 minute').usingKey(`eligibility_${ctx.request.ip()}`)
)
