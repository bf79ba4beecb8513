import type { HttpContext } from '@adonisjs/core/http'
import { filledQueryString } from '#applications/validators/staff_filters'
import { dashboardPanelsOf, viewDashboards } from '#reporting/dashboards/abilities'
import { dashboardPage } from '#reporting/dashboards/dashboard_page'
import { DASHBOARD_TABLES, MONEY_TABLES } from '#reporting/dashboards/dashboard_tables'
import {
  dashboardFiltersValidator,
  dashboardMessages,
  filtersOf,
  filtersQueryString,
} from '#reporting/dashboards/validators/dashboard_filters'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'

/**
 * `/staff/dashboards`: programme and call dashboards (funnel, breakdowns, money, time to
 * decide and to pay, reviewers, appeals) within the filters, from the rollups only.
 */
export default class DashboardsController {
  async index({ view, request, response, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize(viewDashboards)
    const panels = dashboardPanelsOf(auth.getUserOrFail())
    const typed = filledQueryString(request.qs())
    const [error, input] = await dashboardFiltersValidator.tryValidate(typed, {
      messagesProvider: dashboardMessages(i18n),
    })
    if (error) response.status(422)
    const filters = error ? {} : filtersOf(input)
    const { figures, tables } = await dashboardPage(
      filters,
      panels,
      i18n,
      panels.applications ? DASHBOARD_TABLES : MONEY_TABLES
    )
    return view.render('pages/reporting/dashboards/index', {
      figures,
      tables,
      panels,
      filters,
      typed,
      regions: MOROCCAN_REGIONS,
      queryString: filtersQueryString(filters),
      problems: error
        ? (error.messages as Array<{ message: string }>).map((problem) => problem.message)
        : null,
    })
  }
}
