import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { FieldContext } from '@vinejs/vine/types'
import { errors as vineErrors } from '@vinejs/vine'
import { errors } from '@adonisjs/core/http'
import bodyParserConfig from '#config/bodyparser'
import { cleanText } from '#core/validators/clean_text'
import { RequestRefused } from '#core/exceptions/domain_error'

/** Deeper than any form the portal has (a repeatable group inside a section: 4). */
const MAX_DEPTH = 8

const READABLE_TYPES = [
  ...bodyParserConfig.json.types,
  ...bodyParserConfig.form.types,
  ...bodyParserConfig.multipart.types,
]

type Problem = { field: string; rule: string }

/**
 * Every string a request carries (body and query string, keys included) is cleaned by
 * `cleanText` before any validator or action sees it, so that no controller can forget:
 * normalized text goes on; a control or bidi character, or a structure deeper than any
 * form, is a 422 naming the field. A body the parser cannot read is a 415, not an
 * empty body answered 200. An id-like URL param is checked by the router
 * (`#core/route_ids`); a text one (a token, a code) with a control character is a 404.
 */
/**
 * Routes whose body a third party writes and signs (Stripe's webhooks): the controller
 * verifies the raw body's signature and never reads the parsed one, and refusing text
 * that Stripe copied from its own dashboard would lose a genuine event.
 */
const SIGNED_BODY_ROUTES = new Set(['api.webhooks.stripe'])

export default class CleanInputMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request } = ctx
    if (ctx.route?.name && SIGNED_BODY_ROUTES.has(ctx.route.name)) return next()
    const carriesBody =
      Number(request.header('content-length') ?? 0) > 0 || !!request.header('transfer-encoding')
    if (carriesBody && !request.is(READABLE_TYPES)) throw new RequestRefused(415)
    for (const value of Object.values(ctx.params ?? {})) {
      if (typeof value === 'string' && cleanText(value).problem) {
        throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
      }
    }
    const problems: Problem[] = []
    request.updateBody(clean(request.body(), '', 0, problems) as Record<string, any>)
    request.updateQs(clean(request.qs(), '', 0, problems) as Record<string, any>)
    if (problems.length) {
      // Field names translated as VineJS's own messages name them.
      const provider = ctx.i18n.createMessagesProvider()
      const messages = problems.map(({ field, rule }) => ({
        field,
        rule,
        message: provider.getMessage(rule, rule, {
          name: field.split('.').at(-1),
          wildCardPath: field,
        } as FieldContext),
      }))
      throw new vineErrors.E_VALIDATION_ERROR(messages)
    }
    return next()
  }
}

/** A copy of `value` with its strings cleaned; refused strings become null. */
function clean(value: unknown, path: string, depth: number, problems: Problem[]): unknown {
  if (typeof value === 'string') {
    const cleaned = cleanText(value)
    if (cleaned.problem) {
      problems.push({ field: path, rule: cleaned.problem })
      return null
    }
    // As the body parser does with empty strings: a text of invisible characters is absent.
    return cleaned.value === '' ? null : cleaned.value
  }
  if (value === null || typeof value !== 'object' || !isPlain(value)) return value
  if (depth >= MAX_DEPTH) {
    problems.push({ field: path, rule: 'depth' })
    return null
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => clean(item, join(path, String(index)), depth + 1, problems))
  }
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const cleanedKey = cleanText(key)
    if (cleanedKey.problem) {
      problems.push({ field: path, rule: cleanedKey.problem })
      continue
    }
    // defineProperty: a "__proto__" key stays a key, never the copy's prototype.
    Object.defineProperty(result, cleanedKey.value, {
      value: clean(item, join(path, cleanedKey.value), depth + 1, problems),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return result
}

/** Arrays and plain objects: uploaded files (multipart) and other instances stay as they are. */
function isPlain(value: object) {
  const prototype = Object.getPrototypeOf(value)
  return Array.isArray(value) || prototype === Object.prototype || prototype === null
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)
