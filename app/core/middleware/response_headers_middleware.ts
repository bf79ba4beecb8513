import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Headers every answer carries, set before the static files, the router and the error
 * handler run, so pages, API answers, assets, 404s and errors all get them (the static
 * middleware copies the headers already set). Shield adds the page-only ones (CSP,
 * HSTS, frame options). No X-XSS-Protection: browsers dropped that filter and the CSP
 * does its job.
 */
export default class ResponseHeadersMiddleware {
  handle({ request, response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    response.header('X-Content-Type-Options', 'nosniff')
    // API answers hold tokens and personal data: never stored by a browser or a proxy.
    if (request.url().startsWith('/api/')) response.header('Cache-Control', 'no-store')
    return next()
  }
}
