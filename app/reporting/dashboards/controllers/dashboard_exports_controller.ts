import type { HttpContext } from '@adonisjs/core/http'
import { filledQueryString } from '#applications/validators/staff_filters'
import {
  dashboardPanelsOf,
  exportDashboardTable,
  viewDashboards,
} from '#reporting/dashboards/abilities'
import { dashboardFigures } from '#reporting/dashboards/dashboard_figures'
import { dashboardTables } from '#reporting/dashboards/dashboard_tables'
import { dashboardCsv, dashboardCsvName, sendCsv } from '#reporting/dashboards/dashboard_csv'
import {
  dashboardExportValidator,
  dashboardMessages,
  filtersOf,
} from '#reporting/dashboards/validators/dashboard_filters'

/**
 * One dashboard table as CSV, within the page's filters. Aggregates only (no person is
 * named), so no sudo; the reviewers' table has its own route, under sudo.
 */
export default class DashboardExportsController {
  async show({ request, response, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize(viewDashboards)
    const { table, ...input } = await dashboardExportValidator.validate(
      filledQueryString(request.qs()),
      { messagesProvider: dashboardMessages(i18n) }
    )
    await bouncer.authorize(exportDashboardTable, table)
    const panels = dashboardPanelsOf(auth.getUserOrFail())
    const filters = filtersOf(input)
    const [csv] = dashboardTables(await dashboardFigures(filters, panels), i18n, [table])
    return sendCsv(response, dashboardCsvName(table, filters), dashboardCsv(csv))
  }
}
