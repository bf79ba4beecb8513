import type { Session } from '@adonisjs/session'
import type User from '#identity/models/user'

/**
 * What this session has proven, beyond the auth guard's user id: whether a second factor
 * was passed, and when the person last proved who they are (sign-in or re-auth). One
 * session key, written by the sign-in, the second-factor step and the re-authentication
 * page, and by the test client's loginAs (tests/helpers/assurance.ts) — nowhere else.
 */
export const ASSURANCE_SESSION_KEY = 'auth_assurance'

/** Sudo mode: sensitive actions want a proof of identity this recent. */
export const SUDO_WINDOW_MS = 15 * 60 * 1000

export interface Assurance {
  userId: number
  /** A second factor was given in this session. */
  secondFactor: boolean
  /** The person has one enrolled, so this session is password-only until it is given. */
  secondFactorDue: boolean
  /** Unix ms of the last password (and second factor, when one is due) entered. */
  confirmedAt: number
}

/** What a session may do with the user it holds. */
export type AssuranceLevel = 'password_only' | 'full'

export function readAssurance(session: Session, user: User): Assurance | null {
  const value = session.get(ASSURANCE_SESSION_KEY) as Assurance | undefined
  return value && value.userId === user.id ? value : null
}

/**
 * Staff always need a second factor (a session from before MFA existed has no assurance
 * and is password-only); anyone else only when they enrolled one, which the sign-in
 * wrote down: no query on every request.
 */
export function assuranceLevel(user: User, assurance: Assurance | null): AssuranceLevel {
  const due = user.isStaff || (assurance?.secondFactorDue ?? false)
  return due && !assurance?.secondFactor ? 'password_only' : 'full'
}

/** Sudo mode: a full session whose last proof of identity is under 15 minutes old. */
export function isSudo(user: User, assurance: Assurance | null, nowMs = Date.now()) {
  if (!assurance || assuranceLevel(user, assurance) !== 'full') return false
  const age = nowMs - assurance.confirmedAt
  return age >= 0 && age < SUDO_WINDOW_MS
}

/** Written right after the proofs were checked (sign-in, second-factor step, re-auth). */
export function recordAssurance(
  session: Session,
  user: User,
  proofs: { secondFactor: boolean; secondFactorDue: boolean },
  nowMs = Date.now()
) {
  const assurance: Assurance = { userId: user.id, ...proofs, confirmedAt: nowMs }
  session.put(ASSURANCE_SESSION_KEY, assurance)
}
