import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import AuditLog from '#core/audit/audit_log'
import { viewAuditLog } from '#identity/abilities'

const filtersValidator = vine.create({
  action: vine.string().trim().maxLength(64).optional(),
  subjectType: vine.string().trim().maxLength(64).optional(),
  subjectId: vine.string().trim().maxLength(64).optional(),
  actorId: recordId().optional(),
  page: vine.number().positive().withoutDecimals().max(100_000).optional(),
})

/** The audit trail, newest first, filterable; two queries per page whatever its size. */
export default class AuditLogsController {
  async index({ view, request, bouncer }: HttpContext) {
    await bouncer.authorize(viewAuditLog)
    const filters = await filtersValidator.validate(request.qs())
    const entries = await AuditLog.query()
      .if(filters.action, (query) => query.where('action', filters.action!))
      .if(filters.subjectType, (query) => query.where('subject_type', filters.subjectType!))
      .if(filters.subjectId, (query) => query.where('subject_id', filters.subjectId!))
      .if(filters.actorId, (query) => query.where('actor_id', filters.actorId!))
      .preload('actor')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, 50)
    entries.baseUrl(request.url()).queryString({ ...filters, page: undefined })
    return view.render('pages/identity/admin/audit_logs', { entries, filters })
  }
}
