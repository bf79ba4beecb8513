import { defineConfig } from '@adonisjs/auth'
import { SessionLucidUserProvider, sessionGuard } from '@adonisjs/auth/session'
import { tokensGuard, tokensUserProvider } from '@adonisjs/auth/access_tokens'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'
import type User from '#identity/models/user'

/**
 * Sessions of an erased (pseudonymised) person end at once: the session's user id no
 * longer finds anyone, whichever process or cookie holds it (law 09-08 erasure).
 */
class LiveSessionUserProvider extends SessionLucidUserProvider<typeof User> {
  async findById(identifier: string | number | bigint) {
    const found = await super.findById(identifier)
    return found && !found.getOriginal().erasedAt ? found : null
  }
}

const authConfig = defineConfig({
  default: 'web',
  guards: {
    /** Browsers: a session cookie. */
    web: sessionGuard({
      useRememberMeTokens: false,
      provider: new LiveSessionUserProvider({ model: () => import('#identity/models/user') }),
    }),
    /** The JSON API: opaque access tokens (Authorization: Bearer …). */
    api: tokensGuard({
      provider: tokensUserProvider({
        tokens: 'accessTokens',
        model: () => import('#identity/models/user'),
      }),
    }),
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
