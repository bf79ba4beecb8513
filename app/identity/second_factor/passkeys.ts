import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import type { Session } from '@adonisjs/session'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import Passkey from '#identity/models/passkey'
import { appUrl } from '#config/app'

/**
 * The relying party is the site at APP_URL: its host name is the RP ID and its origin the
 * only one a ceremony may come from (a phishing copy of the site gets nothing usable).
 */
export function relyingParty() {
  const url = new URL(appUrl)
  return { id: url.hostname, origin: url.origin, name: 'Manassa' }
}

/** The challenge of the ceremony under way waits in the session, used once. */
const CHALLENGE_KEY = 'webauthn_challenge'

function takeChallenge(session: Session, ceremony: 'registration' | 'authentication') {
  const pending = session.pull(CHALLENGE_KEY) as { ceremony: string; challenge: string } | null
  return pending?.ceremony === ceremony ? pending.challenge : null
}

export async function registrationOptions(user: User, session: Session) {
  const existing = await Passkey.query().where('userId', user.id)
  const options = await generateRegistrationOptions({
    rpName: relyingParty().name,
    rpID: relyingParty().id,
    userName: user.email,
    userDisplayName: user.fullName,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  })
  session.put(CHALLENGE_KEY, { ceremony: 'registration', challenge: options.challenge })
  return options
}

/** The new credential, or null when the response is not a valid one for this challenge. */
export async function verifyRegistration(session: Session, response: RegistrationResponseJSON) {
  const challenge = takeChallenge(session, 'registration')
  if (!challenge) return null
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: relyingParty().origin,
      expectedRPID: relyingParty().id,
      requireUserVerification: false,
    })
    return verified ? registrationInfo.credential : null
  } catch {
    return null
  }
}

export async function authenticationOptions(user: User, session: Session) {
  const passkeys = await Passkey.query().where('userId', user.id)
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId })),
    userVerification: 'preferred',
  })
  session.put(CHALLENGE_KEY, { ceremony: 'authentication', challenge: options.challenge })
  return options
}

/**
 * True when the assertion is signed by one of this person's passkeys for the pending
 * challenge. The signature counter moves forward with a conditional UPDATE (a cloned
 * authenticator replaying an older count is refused; authenticators that keep no count
 * report 0 every time).
 */
export async function verifyAuthentication(
  user: User,
  session: Session,
  response: AuthenticationResponseJSON
) {
  const challenge = takeChallenge(session, 'authentication')
  if (!challenge) return false
  const passkey = await Passkey.query()
    .where({ userId: user.id, credentialId: String(response.id ?? '') })
    .first()
  if (!passkey) return false
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: relyingParty().origin,
      expectedRPID: relyingParty().id,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    })
    if (!verified) return false
    const moved = await db
      .from('passkeys')
      .where('id', passkey.id)
      .where((query) =>
        query.where('counter', '<', authenticationInfo.newCounter).orWhere('counter', 0)
      )
      .update({ counter: authenticationInfo.newCounter, last_used_at: new Date() })
    return Number(moved) === 1
  } catch {
    return false
  }
}
