import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import { hasTotp, replaceRecoveryCodes } from '#identity/second_factor/second_factors'

/** New recovery codes (the old ones stop working), returned to be shown once. */
export class RegenerateRecoveryCodes {
  async handle(userId: number, actor: Actor) {
    return db.transaction(async (client) => {
      const user = await User.query({ client }).where('id', userId).forUpdate().firstOrFail()
      if (!(await hasTotp(user, client))) {
        throw new DomainError('mfa.recovery.not_enrolled', { status: 409 })
      }
      const codes = await replaceRecoveryCodes(user, client)
      await recordAudit(
        {
          actor,
          action: 'user.recovery_codes_regenerated',
          subjectType: 'user',
          subjectId: user.id,
        },
        client
      )
      return codes
    })
  }
}
