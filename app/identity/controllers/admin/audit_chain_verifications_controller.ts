import type { HttpContext } from '@adonisjs/core/http'
import { viewAuditLog } from '#identity/abilities'
import { verifyAuditLog } from '#core/audit/audit_chain_store'
import { auditPublicKeyPem } from '#core/audit/audit_head'

/**
 * Walks the whole chain (in batches) and says whether it is intact up to its head or
 * where it breaks; offers the signed head and the public key an auditor checks it with.
 */
export default class AuditChainVerificationsController {
  async show({ view, bouncer }: HttpContext) {
    await bouncer.authorize(viewAuditLog)
    const report = await verifyAuditLog()
    return view.render('pages/identity/admin/audit_verification', {
      report,
      publicKey: auditPublicKeyPem(),
    })
  }
}
