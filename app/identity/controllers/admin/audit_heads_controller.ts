import type { HttpContext } from '@adonisjs/core/http'
import { viewAuditLog } from '#identity/abilities'
import { signedHead } from '#core/audit/audit_head'

/** The statement naming the chain's entry at a position: what the signature signs. */
export default class AuditHeadsController {
  async show({ params, response, bouncer }: HttpContext) {
    await bouncer.authorize(viewAuditLog)
    const position: number = params.position
    const head = await signedHead(position)
    response.header('Content-Type', 'text/plain; charset=utf-8')
    response.header('Content-Disposition', `attachment; filename="audit-head-${position}.txt"`)
    return head.statement
  }
}
