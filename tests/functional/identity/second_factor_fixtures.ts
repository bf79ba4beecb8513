import type { ApiClient } from '@japa/api-client'
import type { SessionData } from '@adonisjs/session/types'
import TotpFactor from '#identity/models/totp_factor'
import type User from '#identity/models/user'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { encryptTotpSecret } from '#identity/second_factor/second_factors'
import { generateTotpSecret, hotp, timeStep } from '#identity/second_factor/totp'
import { base32Decode } from '#core/base32'

/** Gives a person an authenticator app; returns its secret. */
export async function enrolAuthenticator(user: User) {
  const secret = generateTotpSecret()
  await TotpFactor.create({ userId: user.id, secretEncrypted: encryptTotpSecret(secret) })
  return secret
}

/** What the authenticator app shows now (or `offset` steps away). */
export function codeOf(secret: string, offset = 0) {
  return hotp(base32Decode(secret), timeStep(Date.now()) + offset)
}

/** The real sign-in form; the session it wrote, to carry to the next request. */
export async function passwordLogin(client: ApiClient, user: User) {
  const response = await client
    .post('/login')
    .form({ email: user.email, password: FACTORY_PASSWORD })
    .withCsrfToken()
    .redirects(0)
  return { response, session: response.session() as SessionData }
}
