import { createHash } from 'node:crypto'
import type { I18n } from '@adonisjs/i18n'
import logger from '@adonisjs/core/services/logger'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import {
  dashboardCalls,
  dashboardFigures,
  type DashboardFigures,
  type DashboardFilters,
  type DashboardPanels,
} from '#reporting/dashboards/dashboard_figures'
import {
  dashboardTables,
  type DashboardTable,
  type DashboardTableKey,
} from '#reporting/dashboards/dashboard_tables'

/**
 * Long enough to serve a morning of readers, short enough that an abandoned filter's
 * entry goes: the figures themselves cannot go stale (the key holds the refresh stamp).
 */
export const DASHBOARD_CACHE_SECONDS = 15 * 60

/** What the page prints, and no more: the cached entry is read back on every request. */
export interface DashboardPage {
  figures: Pick<DashboardFigures, 'asOf' | 'calls'> & {
    money: Omit<DashboardFigures['money'], 'months'>
  }
  tables: Array<Pick<DashboardTable, 'key' | 'caption' | 'chart' | 'html'>>
}

/**
 * The dashboards' figures and their tables (charts and table markup), as a page shows
 * them. They change only when the rollups are refreshed, so they are kept in Redis
 * (shared by every web process) under the refresh stamp, the filters, the locale and the
 * tables the reader may see: a refresh makes a new key, so a cached page is exact. The
 * rollups read before any refresh (no stamp), and filters naming an unknown call or
 * programme (nothing to show, and no way to fill Redis with them), are computed uncached.
 * Redis unreachable: computed, as if not cached.
 */
export async function dashboardPage(
  filters: DashboardFilters,
  panels: DashboardPanels,
  i18n: I18n,
  keys: readonly DashboardTableKey[]
): Promise<DashboardPage> {
  const stamp = await dashboardCalls()
  const compute = async (): Promise<DashboardPage> => {
    const figures = await dashboardFigures(filters, panels, stamp)
    const { months, ...money } = figures.money
    return {
      figures: { asOf: figures.asOf, calls: figures.calls, money },
      tables: dashboardTables(figures, i18n, keys).map(({ key, caption, chart, html }) => ({
        key,
        caption,
        chart,
        html,
      })),
    }
  }
  const known =
    (!filters.callId || stamp.calls.some((call) => call.callId === filters.callId)) &&
    (!filters.programmeId || stamp.calls.some((call) => call.programmeId === filters.programmeId))
  if (!stamp.refreshStamp || !known) return compute()

  const key = cacheKey(stamp.refreshStamp, filters, panels, i18n.locale, keys)
  const cached = await redis.get(key).catch((error) => {
    logger.warn({ err: error }, 'dashboard cache unreadable')
    return null
  })
  if (cached) {
    const page: DashboardPage = JSON.parse(cached)
    page.figures.asOf = page.figures.asOf === null ? null : new Date(page.figures.asOf)
    return page
  }
  const page = await compute()
  await redis
    .set(key, JSON.stringify(page), 'EX', DASHBOARD_CACHE_SECONDS)
    .catch((error) => logger.warn({ err: error }, 'dashboard cache not written'))
  return page
}

function cacheKey(
  refreshStamp: string,
  filters: DashboardFilters,
  panels: DashboardPanels,
  locale: string,
  keys: readonly DashboardTableKey[]
) {
  const what = JSON.stringify([
    refreshStamp,
    locale,
    panels.applications,
    panels.money,
    keys,
    filters.programmeId ?? null,
    filters.callId ?? null,
    filters.region ?? null,
    filters.from ?? null,
    filters.to ?? null,
  ])
  const digest = createHash('sha256').update(what).digest('base64url')
  return `${env.get('QUEUE_PREFIX')}:dashboards:${digest}`
}
