import db from '@adonisjs/lucid/services/db'
import { redeemToken } from '#identity/one_time_tokens'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import type { TokenPurpose } from '#identity/models/user_token'

const AUDITED_AS = {
  reset_password: 'user.password_reset',
  invitation: 'user.invitation_accepted',
} as const

/**
 * Sets a new password with a reset link's token, or the first one with an invitation's.
 * Clicking the link also proves the address, and every API token is revoked: whoever
 * knew the old password is out.
 */
export class ResetPassword {
  async handle(
    token: string,
    password: string,
    actor: Actor,
    purpose: Extract<TokenPurpose, keyof typeof AUDITED_AS> = 'reset_password'
  ) {
    return db.transaction(async (client) => {
      const { user, issuedAt } = await redeemToken(token, purpose, client)
      user.password = password
      user.emailVerifiedAt ??= issuedAt
      await user.useTransaction(client).save()
      await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      await recordAudit(
        {
          actor: { ...actor, id: user.id },
          action: AUDITED_AS[purpose],
          subjectType: 'user',
          subjectId: user.id,
        },
        client
      )
      return user
    })
  }
}
