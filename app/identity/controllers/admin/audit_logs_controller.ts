import type { HttpContext } from '@adonisjs/core/http'
import AuditLog from '#core/audit/audit_log'
import User from '#identity/models/user'
import { viewAuditLog } from '#identity/abilities'
import { filledQueryString } from '#applications/validators/staff_filters'
import {
  auditFiltersQueryString,
  auditLogFiltersValidator,
  whereAuditFilters,
} from '#core/audit/audit_log_filters'
import { AUDIT_SUBJECT_ROUTES } from '#identity/audit_subject_links'

const PER_PAGE = 50

/**
 * The audit trail, newest first, filtered by person, dates, action and subject; a fixed
 * number of queries per page whatever its size (count, rows, their actors, the person).
 */
export default class AuditLogsController {
  async index({ view, request, bouncer }: HttpContext) {
    await bouncer.authorize(viewAuditLog)
    const { page, ...filters } = await auditLogFiltersValidator.validate(
      filledQueryString(request.qs())
    )
    const entries = await whereAuditFilters(AuditLog.query(), filters)
      .preload('actor')
      .orderBy('id', 'desc')
      .paginate(page ?? 1, PER_PAGE)
    const queryString = auditFiltersQueryString(filters)
    entries.baseUrl(request.url()).queryString(queryString)
    const person = filters.actorId ? await User.find(filters.actorId) : null
    return view.render('pages/identity/admin/audit_logs', {
      entries,
      filters,
      queryString,
      person,
      subjectRoutes: AUDIT_SUBJECT_ROUTES,
    })
  }

  /** One entry with everything it holds, its chain columns included. */
  async show({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(viewAuditLog)
    const entry = await AuditLog.query().where('id', params.id).preload('actor').firstOrFail()
    return view.render('pages/identity/admin/audit_log', {
      entry,
      metadata: JSON.stringify(entry.metadata, null, 2),
      subjectRoutes: AUDIT_SUBJECT_ROUTES,
    })
  }
}
