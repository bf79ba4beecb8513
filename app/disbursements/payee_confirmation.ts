import hash from '@adonisjs/core/services/hash'
import type User from '#identity/models/user'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import { loginLimiter } from '#start/limiter'

/**
 * Where an agreement's money goes changes only after its beneficiary typed their password
 * again (ASVS 7.5.1). Wrong passwords count like failed logins, per person: the eleventh
 * in a minute is refused. `what` names the translations (`agreements.<what>.password_wrong`).
 */
export async function confirmPayeePassword(user: User, password: string, what: 'bank' | 'stripe') {
  const [throttled] = await loginLimiter().penalize(`bank_details_${user.id}`, async () => {
    if (!(await hash.verify(user.password, password))) {
      throw new InvalidFields([{ field: 'password', message: `agreements.${what}.password_wrong` }])
    }
  })
  if (throttled) {
    throw new DomainError('agreements.bank.throttled', {
      status: 429,
      code: 'E_TOO_MANY_REQUESTS',
      data: { seconds: throttled.response.availableIn },
    })
  }
}
