import type { HttpContext } from '@adonisjs/core/http'
import { viewAuditLog } from '#identity/abilities'
import { signedHead } from '#core/audit/audit_head'

/** The raw Ed25519 signature of the head statement (`openssl pkeyutl -sigfile`). */
export default class AuditHeadSignaturesController {
  async show({ params, response, bouncer }: HttpContext) {
    await bouncer.authorize(viewAuditLog)
    const position: number = params.position
    const head = await signedHead(position)
    response.header('Content-Type', 'application/octet-stream')
    response.header('Content-Disposition', `attachment; filename="audit-head-${position}.sig"`)
    return head.signature
  }
}
