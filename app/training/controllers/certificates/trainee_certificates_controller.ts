import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#core/exceptions/domain_error'
import Enrolment from '#training/models/enrolment'
import Certificate from '#training/models/certificate'
import CertificatePolicy from '#training/policies/certificate_policy'
import { certificatePdf } from '#training/certificates'
import { groupCode } from '#training/certificate_codes'

/** A trainee downloads the certificate of their own completed enrolment. */
export default class TraineeCertificatesController {
  async show(ctx: HttpContext) {
    const enrolment = await Enrolment.findOrFail(ctx.params.id)
    // Someone else's enrolment is not theirs to know about.
    if (!(await ctx.bouncer.with(CertificatePolicy).allows('download', enrolment))) {
      return ctx.response.notFound()
    }
    const certificate = await Certificate.findBy('enrolment_id', enrolment.id)
    if (!certificate) {
      throw new DomainError('certificates.errors.none', { status: 404 })
    }
    if (certificate.revokedAt) {
      throw new DomainError('certificates.errors.revoked', { status: 410 })
    }
    const pdf = await certificatePdf(certificate)
    ctx.response.header('Content-Type', 'application/pdf')
    ctx.response.header('Cache-Control', 'private, no-store')
    ctx.response.attachment(`certificate-${groupCode(certificate.code)}.pdf`)
    return ctx.response.send(Buffer.from(pdf))
  }
}
