import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import TotpFactor from '#identity/models/totp_factor'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import { matchTotp } from '#identity/second_factor/totp'
import { encryptTotpSecret, replaceRecoveryCodes } from '#identity/second_factor/second_factors'

/**
 * A person confirms the secret shown at enrolment with a code from their app: the
 * secret is stored encrypted, with the step of that code as the last used (it cannot
 * sign in again), and ten recovery codes are made and returned, to be shown once. An
 * account that already has an authenticator cannot enrol another over it (that would
 * let a password alone replace the second factor): an admin resets it first.
 */
export class EnrolTotp {
  async handle(userId: number, input: { secret: string; code: string }, actor: Actor) {
    const step = matchTotp(input.secret, input.code, Date.now(), null)
    if (step === null) throw new InvalidFields([{ field: 'code', message: 'mfa.code_invalid' }])
    return db.transaction(async (client) => {
      const user = await User.query({ client }).where('id', userId).forUpdate().firstOrFail()
      if (await TotpFactor.find(user.id, { client })) {
        throw new DomainError('mfa.enrol.already_enrolled', { status: 409 })
      }
      await TotpFactor.create(
        { userId: user.id, secretEncrypted: encryptTotpSecret(input.secret), lastUsedStep: step },
        { client }
      )
      const recoveryCodes = await replaceRecoveryCodes(user, client)
      await recordAudit(
        { actor, action: 'user.totp_enrolled', subjectType: 'user', subjectId: user.id },
        client
      )
      return recoveryCodes
    })
  }
}
