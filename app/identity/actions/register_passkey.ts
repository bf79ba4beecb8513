import db from '@adonisjs/lucid/services/db'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import type { WebAuthnCredential } from '@simplewebauthn/server'
import Passkey from '#identity/models/passkey'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** Stores a verified WebAuthn credential as one of the person's passkeys (audited). */
export class RegisterPasskey {
  async handle(userId: number, credential: WebAuthnCredential, name: string, actor: Actor) {
    return db.transaction(async (client) => {
      const passkey = await Passkey.create(
        {
          userId,
          credentialId: credential.id,
          publicKey: isoBase64URL.fromBuffer(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          name,
        },
        { client }
      )
      await recordAudit(
        {
          actor,
          action: 'user.passkey_added',
          subjectType: 'user',
          subjectId: userId,
          metadata: { passkeyId: passkey.id, name },
        },
        client
      )
      return passkey
    })
  }
}
