import { ApiRequest } from '@japa/api-client'
import type { PluginFn } from '@japa/runner/types'
import User from '#identity/models/user'
import { ASSURANCE_SESSION_KEY, type Assurance } from '#identity/second_factor/assurance'
import { MFA_TOKEN_ABILITY } from '#identity/second_factor/api_tokens'

/**
 * Test-only: `loginAs(user)` signs in as a person who has just given their password and
 * second factor (the same session key the real second-factor step writes, fresh enough
 * for sudo mode), and `tokenAfterSecondFactor(user)` is a token as POST /api/v1/tokens
 * issues it with a code. Tests of the real sign-in go through POST /login; tests of the
 * password-only state and of sudo's 15 minutes override the key with
 * `withSession(assuranceOf(...))` after loginAs. Installed after @adonisjs/auth's client
 * plugin, whose loginAs it wraps.
 */
export function assuranceOf(user: User, overrides: Partial<Assurance> = {}) {
  const assurance: Assurance = {
    userId: user.id,
    secondFactor: true,
    secondFactorDue: true,
    confirmedAt: Date.now(),
    ...overrides,
  }
  return { [ASSURANCE_SESSION_KEY]: assurance }
}

export function assuranceApiClient(): PluginFn {
  return () => {
    ApiRequest.macro('loginAs', function (this: ApiRequest, user: User, ...args: unknown[]) {
      // What @adonisjs/auth's loginAs does (the default guard, here the session)…
      ;(this as any).authData = { guard: '__default__', args: [user, ...args] }
      // …with the session having passed its second factor just now.
      return this.withSession(assuranceOf(user))
    })
  }
}

export async function tokenAfterSecondFactor(user: User) {
  const token = await User.accessTokens.create(user, ['*', MFA_TOKEN_ABILITY])
  return token.value!.release()
}
