import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { HttpError, StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { bindLocale, resolveLocale } from '#core/middleware/detect_locale_middleware'
import { RequestRefused, SECRET_FIELDS } from '#core/exceptions/domain_error'
import { errors as bouncerErrors } from '@adonisjs/bouncer'

/** Errors that answer themselves (DomainError, auth, CSRF, limiter…) keep their answer. */
const answersItself = (error: unknown) =>
  !!error && typeof error === 'object' && typeof (error as any).handle === 'function'

/** The status to answer: the error's own when it is an HTTP one, else 500. */
function statusOf(error: unknown) {
  const status = (error as { status?: unknown } | null)?.status
  return Number.isInteger(status) && (status as number) >= 400 && (status as number) < 600
    ? (status as number)
    : 500
}

/** The status's message in the person's language, with the request id for a 500. */
function statusMessage(status: number, ctx: HttpContext) {
  if (status >= 500) return ctx.i18n.t('errors.status.500', { requestId: ctx.request.id() })
  const key = `errors.status.${status}`
  return ctx.i18n.t(ctx.i18n.hasMessage(key) ? key : 'errors.status.400')
}

/**
 * One error format. JSON (every `/api/` URL, or a client asking for JSON):
 * `{ errors: [{ message, field?, rule? }] }`. Pages: localized status pages.
 * Only a message written for people is ever sent: an unexpected error (a database or
 * driver failure, a bug) is a generic 500 naming the request id, whatever NODE_ENV
 * says — the demo runs in development mode and is reachable by anyone — so neither
 * SQL, driver messages, stack frames nor file paths ever reach a response. The full
 * error goes to the log, under the same request id.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  protected renderStatusPages = true

  /** One renderer for all 4xx: '403' and '404' keys would be expanded before a range. */
  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '400..499': (error, ctx) =>
      error.status === 403
        ? ctx.view.render('pages/errors/forbidden', { error })
        : error.status === 404
          ? ctx.view.render('pages/errors/not_found', { error })
          : ctx.view.render('pages/errors/client_error', {
              message: statusMessage(error.status, ctx),
            }),
    '500..599': (_error, { view, request }) =>
      view.render('pages/errors/server_error', { requestId: request.id() }),
  }

  async handle(error: unknown, ctx: HttpContext) {
    // Errors raised before the stacks' own middleware ran (body parsing, an unknown
    // method) still answer in the person's language, and in JSON under /api/.
    if (!('i18n' in ctx) || !ctx.i18n) {
      bindLocale(ctx, resolveLocale(ctx))
    }
    if (ctx.request.url().startsWith('/api/')) {
      ctx.request.request.headers.accept = 'application/json'
    }
    // A refused authorization is a 403 page (or JSON), never a silent redirect.
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
      const message = ctx.i18n.t('errors.E_AUTHORIZATION_FAILURE')
      ctx.response.status(403)
      if (this.#wantsJson(ctx)) {
        return ctx.response.send({ errors: [{ code: error.code, message }] })
      }
      return ctx.response.send(await ctx.view.render('pages/errors/forbidden', { error }))
    }
    if (error instanceof RequestRefused) {
      for (const [name, value] of Object.entries(error.headers)) {
        ctx.response.header(name, value)
      }
    }
    const status = statusOf(error)
    if (status < 500 && answersItself(error)) return super.handle(error, ctx)
    if ((error as any)?.code === 'E_VALIDATION_ERROR') return super.handle(error, ctx)
    if (this.#wantsJson(ctx)) {
      return ctx.response.status(status).send({ errors: [{ message: statusMessage(status, ctx) }] })
    }
    // The status pages receive the status, never the original message.
    return super.handle(Object.assign(new Error(`E_HTTP_${status}`), { status }), ctx)
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

  #wantsJson(ctx: HttpContext) {
    return ctx.request.accepts(['html', 'json']) === 'json'
  }
}
