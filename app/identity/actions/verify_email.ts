import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { redeemToken } from '#identity/one_time_tokens'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** Marks the address verified with a link's token; an unknown or used token is refused. */
export class VerifyEmail {
  async handle(token: string, actor: Actor) {
    return db.transaction(async (client) => {
      const { user } = await redeemToken(token, 'verify_email', client)
      if (!user.emailVerifiedAt) {
        user.emailVerifiedAt = DateTime.utc()
        await user.useTransaction(client).save()
        await recordAudit(
          {
            actor: { ...actor, id: user.id },
            action: 'user.email_verified',
            subjectType: 'user',
            subjectId: user.id,
          },
          client
        )
      }
      return user
    })
  }
}
