import type { HttpContext } from '@adonisjs/core/http'
import { normalizeCertificateCode } from '#training/certificate_codes'
import { publicCertificate } from '#training/certificates'

/**
 * Public verification of a certificate (DESIGN §7): its holder's name, course, institute,
 * date of issue and whether it is still valid; nothing else. An unknown code gets the same
 * page as a malformed one, and the lookup is a single indexed query either way.
 */
export default class VerificationsController {
  async index(ctx: HttpContext) {
    const typed = String(ctx.request.input('code', '')).slice(0, 64)
    if (typed) {
      const code = normalizeCertificateCode(typed)
      return ctx.response.redirect().toPath(`/verify/${encodeURIComponent(code ?? typed.trim())}`)
    }
    return ctx.view.render('pages/training/verify/index', { result: null, code: '' })
  }

  async show(ctx: HttpContext) {
    const typed = String(ctx.params.code).slice(0, 64)
    const code = normalizeCertificateCode(typed)
    const certificate = await publicCertificate(code, ctx.i18n.locale)
    ctx.response.header('Cache-Control', 'no-store')
    ctx.response.header('X-Robots-Tag', 'noindex')
    if (!certificate) ctx.response.status(404)
    return ctx.view.render('pages/training/verify/index', {
      result: certificate ? (certificate.revoked ? 'revoked' : 'valid') : 'unknown',
      certificate: certificate && !certificate.revoked ? certificate : null,
      code: typed,
    })
  }
}
