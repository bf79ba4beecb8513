import type { HttpContext } from '@adonisjs/core/http'
import { Readable } from 'node:stream'
import { viewAuditLog } from '#identity/abilities'
import { filledQueryString } from '#applications/validators/staff_filters'
import { auditLogFiltersValidator } from '#core/audit/audit_log_filters'
import { exportAuditLog } from '#core/audit/audit_log_export'
import { actorFrom } from '#core/audit/actor'

/** The auditor's CSV of the log, under the same filters as the page (audited). */
export default class AuditLogExportsController {
  async show(ctx: HttpContext) {
    const { request, response, bouncer } = ctx
    await bouncer.authorize(viewAuditLog)
    // Same filters as the page; its page number plays no part.
    const filters = await auditLogFiltersValidator.validate(filledQueryString(request.qs()))
    const { lines } = await exportAuditLog(filters, actorFrom(ctx))
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header('Cache-Control', 'private, no-store')
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Content-Disposition', 'attachment; filename="audit-log.csv"')
    response.stream(Readable.from(lines()))
  }
}
