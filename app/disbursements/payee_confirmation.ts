import hash from '@adonisjs/core/services/hash'
import type User from '#identity/models/user'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import { loginLimiter } from '#start/limiter'

/**
 * Where an agreement's money goes changes only after its beneficiary typed their password
 * again (ASVS 7.5.1). Wrong passwords count like failed logins, per person: the eleventh
 * in a minute is refused. The attempt is counted before the password is checked (Redis's
 * atomic increment), as sign-ins do, so parallel guesses cannot all pass a read-then-count;
 * a right password gives the count back. `what` names the translations
 * (`agreements.<what>.password_wrong`).
 */
export async function confirmPayeePassword(user: User, password: string, what: 'bank' | 'stripe') {
  const limiter = loginLimiter()
  const key = `bank_details_${user.id}`
  const counted = await limiter.increment(key)
  if (counted.consumed > counted.limit) {
    throw new DomainError('agreements.bank.throttled', {
      status: 429,
      code: 'E_TOO_MANY_REQUESTS',
      data: { seconds: counted.availableIn },
    })
  }
  if (!(await hash.verify(user.password, password))) {
    throw new InvalidFields([{ field: 'password', message: `agreements.${what}.password_wrong` }])
  }
  await limiter.delete(key)
}
