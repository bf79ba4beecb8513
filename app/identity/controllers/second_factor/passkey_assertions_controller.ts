import type { HttpContext } from '@adonisjs/core/http'
import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import { passkeyAssertionValidator } from '#identity/validators/second_factor'
import { authenticationOptions, verifyAuthentication } from '#identity/second_factor/passkeys'
import { recordAssurance } from '#identity/second_factor/assurance'
import { InvalidFields } from '#core/exceptions/domain_error'

/** The second step of a sign-in with a passkey instead of a code (JSON, for passkeys.js). */
export default class PasskeyAssertionsController {
  async options({ auth, session }: HttpContext) {
    return authenticationOptions(auth.getUserOrFail(), session)
  }

  async store({ request, auth, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const { credential } = await request.validateUsing(passkeyAssertionValidator)
    const passed = await verifyAuthentication(
      user,
      session,
      credential as unknown as AuthenticationResponseJSON
    )
    if (!passed) throw new InvalidFields([{ field: 'credential', message: 'mfa.passkeys.invalid' }])
    session.regenerate()
    recordAssurance(session, user, { secondFactor: true, secondFactorDue: true })
    return { data: { redirect: '/dashboard' } }
  }
}
