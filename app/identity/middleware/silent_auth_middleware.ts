import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Loads the signed-in user, if any, without refusing guests. A session without a user id
 * is a guest's (there are no remember-me tokens, config/auth.ts): asking the guard would
 * only build and throw an E_UNAUTHORIZED_ACCESS on every public page.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.session.has(ctx.auth.use('web').sessionKeyName)) await ctx.auth.check()
    return next()
  }
}
