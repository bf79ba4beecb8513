import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { HttpError, StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { bindLocale, resolveLocale } from '#core/middleware/detect_locale_middleware'
import { SECRET_FIELDS } from '#core/exceptions/domain_error'
import { errors as bouncerErrors } from '@adonisjs/bouncer'

export default class HttpExceptionHandler extends ExceptionHandler {
  /** Stack traces only on a developer's machine. */
  protected debug = app.inDev

  /** Localized status pages everywhere else, so tests see what people see. */
  protected renderStatusPages = !app.inDev

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (error, { view }) => view.render('pages/errors/forbidden', { error }),
    '404': (error, { view }) => view.render('pages/errors/not_found', { error }),
    '500..599': (error, { view }) => view.render('pages/errors/server_error', { error }),
  }

  async handle(error: unknown, ctx: HttpContext) {
    // Errors raised before the locale middleware ran (CSRF, body parsing) still answer
    // in the person's language.
    if (!('i18n' in ctx) || !ctx.i18n) {
      bindLocale(ctx, resolveLocale(ctx))
    }
    // A refused authorization is a 403 page (or JSON), never a silent redirect.
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
      const message = ctx.i18n.t('errors.E_AUTHORIZATION_FAILURE')
      ctx.response.status(403)
      if (ctx.request.accepts(['html', 'json']) === 'json') {
        return ctx.response.send({ errors: [{ code: error.code, message }] })
      }
      return ctx.response.send(await ctx.view.render('pages/errors/forbidden', { error }))
    }
    return super.handle(error, ctx)
  }

  /** Back to the form with its errors and inputs, passwords excepted. */
  async renderValidationErrorAsHTML(error: HttpError, ctx: HttpContext) {
    ctx.session.flashValidationErrors(error, false)
    ctx.session.flashExcept(SECRET_FIELDS)
    ctx.response.redirect('back', true)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
