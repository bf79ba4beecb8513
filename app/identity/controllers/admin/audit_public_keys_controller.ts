import type { HttpContext } from '@adonisjs/core/http'
import { viewAuditLog } from '#identity/abilities'
import { auditPublicKeyPem } from '#core/audit/audit_head'

/** The public half of AUDIT_SIGNING_KEY, as the PEM file openssl reads. */
export default class AuditPublicKeysController {
  async show({ response, bouncer }: HttpContext) {
    await bouncer.authorize(viewAuditLog)
    response.header('Content-Type', 'application/x-pem-file')
    response.header('Content-Disposition', 'attachment; filename="audit-public-key.pem"')
    return auditPublicKeyPem()
  }
}
