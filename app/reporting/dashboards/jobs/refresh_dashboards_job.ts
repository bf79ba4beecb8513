import type { Job } from '#core/queue/types'
import { refreshDashboards } from '#reporting/dashboards/refresh_dashboards'

/** Recomputes the dashboards' rollups (idempotent: a refresh replaces what was there). */
export default class RefreshDashboardsJob implements Job<Record<string, never>> {
  handle() {
    return refreshDashboards()
  }
}
