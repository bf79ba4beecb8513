import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { assuranceLevel, readAssurance } from '#identity/second_factor/assurance'
import { MFA_TOKEN_ABILITY } from '#identity/second_factor/api_tokens'

/**
 * Refuses guests: a redirect to /login for pages, a 401 for JSON. Then refuses a session
 * that has only a password where a second factor is due (staff always, anyone who enrolled
 * one): pages go to the second-factor step, JSON gets 403; only the routes of that step
 * (and logout) say `passwordOnly: true`. An API token of a staff member must have been
 * issued with a second factor.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[]; passwordOnly?: boolean } = {}
  ) {
    await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    const user = ctx.auth.getUserOrFail()
    if (options.passwordOnly) {
      // The second-factor pages: the header offers nothing but logging out meanwhile.
      const level = assuranceLevel(user, readAssurance(ctx.session, user))
      ctx.view.share({ passwordOnly: level === 'password_only' })
      return next()
    }
    if (ctx.auth.authenticatedViaGuard === 'api') {
      const token = ctx.auth.use('api').user!.currentAccessToken
      if (user.isStaff && !token.abilities.includes(MFA_TOKEN_ABILITY)) {
        return ctx.response.forbidden({
          errors: [{ code: 'E_SECOND_FACTOR_REQUIRED', message: ctx.i18n.t('mfa.api.token') }],
        })
      }
      return next()
    }
    if (assuranceLevel(user, readAssurance(ctx.session, user)) === 'password_only') {
      if (ctx.request.accepts(['html', 'json']) === 'json') {
        return ctx.response.forbidden({
          errors: [{ code: 'E_SECOND_FACTOR_REQUIRED', message: ctx.i18n.t('mfa.required') }],
        })
      }
      return ctx.response.redirect().toRoute('second_factor.create')
    }
    return next()
  }
}
