import { Bouncer } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type { DashboardPanels } from '#reporting/dashboards/dashboard_figures'
import { MONEY_TABLES, type DashboardTableKey } from '#reporting/dashboards/dashboard_tables'

/** Programme officers and admins see every panel; finance officers the money panels. */
export function dashboardPanelsOf(user: User): DashboardPanels {
  const applications = user.hasRole('programme_officer', 'admin')
  return { applications, money: applications || user.hasRole('finance_officer') }
}

export const viewDashboards = Bouncer.ability((user: User) => dashboardPanelsOf(user).money)

/** The reviewers' table names people: officers and admins only. */
export const viewReviewerWorkload = Bouncer.ability(
  (user: User) => dashboardPanelsOf(user).applications
)

/** A table's CSV: the reader must see its panel. */
export const exportDashboardTable = Bouncer.ability((user: User, table: DashboardTableKey) => {
  const panels = dashboardPanelsOf(user)
  return panels.applications || (panels.money && MONEY_TABLES.includes(table))
})
