import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { RevokeCertificate } from '#training/actions/revoke_certificate'
import { instituteMessages, revocationValidator } from '#training/validators/institute'
import { ownCertificate } from '#training/controllers/institute/institute_access'

/** A coordinator revokes a certificate their institute issued, with a reason. */
export default class CertificateRevocationsController {
  @inject()
  async store(ctx: HttpContext, revokeCertificate: RevokeCertificate) {
    const { certificate, cohort } = await ownCertificate(ctx)
    const { reason } = await ctx.request.validateUsing(revocationValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    await revokeCertificate.handle(certificate.id, reason, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.certificates.revoked'))
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
