import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import type { NextFn } from '@adonisjs/core/types/http'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'

let shared: Promise<ShieldMiddleware> | undefined

/**
 * @adonisjs/shield's middleware, made once. Its provider binds it per resolution, so every
 * page built a new one, guards and all, after an `import('edge.js')` that the TypeScript
 * loader answers from its thread: a tenth of a page's CPU time
 * (bench/profiles/training_catalogue.md). The guards keep no state between requests
 * (the CSRF secret lives in the session, the CSP nonce on the response).
 */
export default class SharedShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    shared ??= app.container.make(ShieldMiddleware).catch((error) => {
      shared = undefined
      throw error
    })
    const shield = await shared
    return shield.handle(ctx, next)
  }
}
