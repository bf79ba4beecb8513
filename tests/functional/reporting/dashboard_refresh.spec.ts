import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import queue from '#core/services/queue'
import { isolateEachTest } from '#tests/helpers/http'
import {
  refreshDashboards,
  requestDashboardRefresh,
} from '#reporting/dashboards/refresh_dashboards'

test.group('Dashboards: refreshing the rollups', (group) => {
  isolateEachTest(group)

  test('a refresh stamps the data with its time, and the job does the same', async ({ assert }) => {
    const before = Date.now()
    const { durationMs } = await refreshDashboards()
    assert.isAtLeast(durationMs, 0)
    const stamp = await db.from('dashboard_refreshes').orderBy('id', 'desc').firstOrFail()
    assert.isAtLeast(new Date(stamp.refreshed_at).getTime(), before - 60_000)
    assert.equal(stamp.duration_ms, durationMs)

    const { default: RefreshDashboardsJob } =
      await import('#reporting/dashboards/jobs/refresh_dashboards_job')
    await new RefreshDashboardsJob().handle()
    const stamps = await db.from('dashboard_refreshes').where('id', '>=', stamp.id).count('* as n')
    assert.equal(Number(stamps[0].n), 2)
  })

  test('many requests for a refresh within a minute make one job', async ({ assert }) => {
    const now = Date.UTC(2026, 11, 6, 22, 0, 10)
    await requestDashboardRefresh(now)
    await requestDashboardRefresh(now + 30_000)
    await requestDashboardRefresh(now + 61_000)
    const jobs = await queue.queue().getJobs(['delayed', 'waiting'])
    const refreshes = jobs.filter((job) => job.name === 'reporting.refresh_dashboards')
    assert.sameMembers(
      refreshes.map((job) => job.id),
      [
        `dashboards-refresh-${Math.floor(now / 60_000)}`,
        `dashboards-refresh-${Math.floor(now / 60_000) + 1}`,
      ]
    )
  })
})
