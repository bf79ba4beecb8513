import db from '@adonisjs/lucid/services/db'
import Passkey from '#identity/models/passkey'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** A person removes one of their own passkeys (someone else's is not found: 404). */
export class RemovePasskey {
  async handle(userId: number, passkeyId: number, actor: Actor) {
    return db.transaction(async (client) => {
      const passkey = await Passkey.query({ client })
        .where({ id: passkeyId, userId })
        .forUpdate()
        .firstOrFail()
      await passkey.useTransaction(client).delete()
      await recordAudit(
        {
          actor,
          action: 'user.passkey_removed',
          subjectType: 'user',
          subjectId: userId,
          metadata: { passkeyId, name: passkey.name },
        },
        client
      )
    })
  }
}
