import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isSudo, readAssurance } from '#identity/second_factor/assurance'
import { siteHosts, sameOriginPath } from '#core/same_origin_path'

/**
 * Sudo mode: money approval, bank files, role changes, exports and factor resets want a
 * proof of identity (password, and the second factor when enrolled) under 15 minutes
 * old. Otherwise pages go to the re-authentication page, which sends the person back
 * here (a GET) or to the page the form was on (a POST cannot be replayed); JSON and API
 * tokens get 403. Runs after `auth`.
 */
export default class SudoMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.getUserOrFail()
    const viaSession = ctx.auth.authenticatedViaGuard !== 'api'
    if (viaSession && isSudo(user, readAssurance(ctx.session, user))) return next()
    if (!viaSession || ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.forbidden({
        errors: [{ code: 'E_SUDO_REQUIRED', message: ctx.i18n.t('mfa.sudo.required') }],
      })
    }
    const hosts = siteHosts(ctx.request)
    const back =
      ctx.request.method() === 'GET'
        ? sameOriginPath(ctx.request.url(true), hosts)
        : sameOriginPath(ctx.request.header('referer'), hosts)
    return ctx.response.redirect().toRoute('sudo.create', [], { qs: { return_to: back } })
  }
}
