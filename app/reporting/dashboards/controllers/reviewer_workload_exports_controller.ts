import type { HttpContext } from '@adonisjs/core/http'
import { filledQueryString } from '#applications/validators/staff_filters'
import { viewReviewerWorkload } from '#reporting/dashboards/abilities'
import { reviewerFigures, type DashboardFigures } from '#reporting/dashboards/dashboard_figures'
import { dashboardTables } from '#reporting/dashboards/dashboard_tables'
import { dashboardCsv, dashboardCsvName, sendCsv } from '#reporting/dashboards/dashboard_csv'
import {
  dashboardFiltersValidator,
  dashboardMessages,
  filtersOf,
  filtersQueryString,
} from '#reporting/dashboards/validators/dashboard_filters'
import { recordAudit } from '#core/audit/audit_trail'
import { actorFrom } from '#core/audit/actor'

/**
 * Every reviewer's load and lateness as CSV: it names people, so it is behind sudo and
 * audited, like the other exports of personal data.
 */
export default class ReviewerWorkloadExportsController {
  async show(ctx: HttpContext) {
    const { request, response, bouncer, i18n } = ctx
    await bouncer.authorize(viewReviewerWorkload)
    const input = await dashboardFiltersValidator.validate(filledQueryString(request.qs()), {
      messagesProvider: dashboardMessages(i18n),
    })
    const filters = filtersOf(input)
    const reviewers = await reviewerFigures(filters, null)
    await recordAudit({
      actor: actorFrom(ctx),
      action: 'dashboard.reviewers_exported',
      subjectType: 'call',
      subjectId: filters.callId ?? 0,
      metadata: { filters: filtersQueryString(filters), rowCount: reviewers.rows.length },
    })
    const [table] = dashboardTables({ reviewers } as DashboardFigures, i18n, ['reviewers'])
    return sendCsv(response, dashboardCsvName('reviewers', filters), dashboardCsv(table))
  }
}
