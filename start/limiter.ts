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
