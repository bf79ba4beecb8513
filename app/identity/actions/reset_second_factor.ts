import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import TotpFactor from '#identity/models/totp_factor'
import RecoveryCode from '#identity/models/recovery_code'
import Passkey from '#identity/models/passkey'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * An admin removes a person's authenticator, recovery codes and passkeys (a lost phone): at their
 * next sign-in a staff member enrols again. Audited, with the admin as actor.
 */
export class ResetSecondFactor {
  async handle(userId: number, actor: Actor) {
    return db.transaction(async (client) => {
      const user = await User.query({ client }).where('id', userId).forUpdate().firstOrFail()
      const removed = await TotpFactor.query({ client }).where('userId', user.id).delete()
      await RecoveryCode.query({ client }).where('userId', user.id).delete()
      await Passkey.query({ client }).where('userId', user.id).delete()
      await recordAudit(
        {
          actor,
          action: 'user.second_factor_reset',
          subjectType: 'user',
          subjectId: user.id,
          metadata: { hadAuthenticator: Number(removed) > 0 },
        },
        client
      )
      return user
    })
  }
}
