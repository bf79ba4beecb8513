import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Pages that need a verified email address send others to the reminder page. */
export default class VerifiedEmailMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.getUserOrFail()
    if (!user.emailVerifiedAt) {
      if (ctx.request.accepts(['html', 'json']) === 'json') {
        return ctx.response.forbidden({ errors: [{ message: ctx.i18n.t('auth.verify.required') }] })
      }
      return ctx.response.redirect().toRoute('email_verification.notice')
    }
    return next()
  }
}
