import { Exception } from '@adonisjs/core/exceptions'
import { errors as vineErrors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'

/** Inputs never flashed back into a form (nor stored in the session cookie). */
export const SECRET_FIELDS = [
  '_csrf',
  '_method',
  'password',
  'passwordConfirmation',
  'currentPassword',
  'password_confirmation',
]

/**
 * An expected failure of a use case (a closed call, a forbidden transition…).
 * It carries an i18n key; the person sees the message in their language: a flash
 * message and a redirect back for pages, `{ errors: [{ code, message }] }` for JSON.
 */
export class DomainError extends Exception {
  constructor(
    public readonly translationKey: string,
    options: { status?: number; code?: string; data?: Record<string, unknown> } = {}
  ) {
    super(translationKey, { status: options.status ?? 422, code: options.code ?? 'E_DOMAIN' })
    this.data = options.data ?? {}
  }

  readonly data: Record<string, unknown>

  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n.t(error.translationKey, error.data)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(error.status).send({ errors: [{ code: error.code, message }] })
    }
    ctx.session.flashExcept(SECRET_FIELDS)
    ctx.session.flash('error', message)
    return ctx.response.redirect().back()
  }
}

/** A state machine refused a transition (e.g. submitting a closed call). */
export class InvalidTransition extends DomainError {
  constructor(data: { machine: string; from: string; to: string }) {
    super('errors.invalid_transition', { status: 409, code: 'E_INVALID_TRANSITION', data })
  }
}

/**
 * Field errors found by a use case rather than a validator (a file whose content is not
 * what its name says, a draft answer that fails on submission), answered exactly like
 * VineJS's own: 422 `{ errors: [{ field, message, rule }] }` for JSON, or back to the
 * form with the messages under each field.
 */
export class InvalidFields extends Exception {
  constructor(
    public readonly fields: Array<{
      field: string
      /** An i18n key, or a message already in the person's language (`translated`). */
      message: string
      translated?: boolean
      data?: Record<string, unknown>
    }>,
    /**
     * The i18n key of the page's summary ({count} problems) when the default one, "the
     * form could not be saved", would be wrong: a draft's answers are saved before its
     * files are checked or its submission refused.
     */
    public readonly summary?: string
  ) {
    super('E_VALIDATION_ERROR', { status: 422, code: 'E_VALIDATION_ERROR' })
  }

  async handle(error: this, ctx: HttpContext) {
    const messages = error.fields.map((item) => ({
      field: item.field,
      message: item.translated ? item.message : ctx.i18n.t(item.message, item.data),
      rule: 'domain',
    }))
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(422).send({ errors: messages })
    }
    ctx.session.flashValidationErrors(new vineErrors.E_VALIDATION_ERROR(messages), false)
    if (error.summary) {
      ctx.session.flashErrors({
        E_VALIDATION_ERROR: ctx.i18n.t(error.summary, { count: messages.length }),
      })
    }
    ctx.session.flashExcept(SECRET_FIELDS)
    return ctx.response.redirect().back()
  }
}

/**
 * A record that does not exist, or that the person may not know exists. The handler
 * answers it like every other 404: the not-found page, or the API's error shape.
 */
export class NotFound extends Exception {
  constructor(what: string) {
    super(`${what} not found`, { status: 404, code: 'E_NOT_FOUND' })
  }
}

/**
 * A request refused before any use case runs: a method the URL does not accept (405,
 * with the `Allow` header), a body in a type the portal does not read (415). The
 * handler answers it with the status's localized message (`errors.status.<status>`).
 */
export class RequestRefused extends Exception {
  constructor(
    status: 405 | 415,
    public readonly headers: Record<string, string> = {}
  ) {
    super(`E_HTTP_${status}`, {
      status,
      code: status === 405 ? 'E_METHOD_NOT_ALLOWED' : 'E_UNSUPPORTED_MEDIA_TYPE',
    })
  }
}
