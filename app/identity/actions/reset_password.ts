import db from '@adonisjs/lucid/services/db'
import { redeemToken } from '#identity/one_time_tokens'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * Sets a new password with a reset link's token. Clicking the link also proves the
 * address, and every API token is revoked: whoever knew the old password is out.
 */
export class ResetPassword {
  async handle(token: string, password: string, actor: Actor) {
    return db.transaction(async (client) => {
      const { user, issuedAt } = await redeemToken(token, 'reset_password', client)
      user.password = password
      user.emailVerifiedAt ??= issuedAt
      await user.useTransaction(client).save()
      await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      await recordAudit(
        {
          actor: { ...actor, id: user.id },
          action: 'user.password_reset',
          subjectType: 'user',
          subjectId: user.id,
        },
        client
      )
      return user
    })
  }
}
