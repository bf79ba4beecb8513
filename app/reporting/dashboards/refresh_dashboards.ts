import db from '@adonisjs/lucid/services/db'
import queue from '#core/services/queue'

/** The rollups the dashboards read, refreshed together (the calls last: filters list them). */
export const DASHBOARD_ROLLUPS = [
  'dashboard_application_rollup',
  'dashboard_duration_rollup',
  'dashboard_money_rollup',
  'dashboard_reviewer_rollup',
  'dashboard_call_rollup',
] as const

/**
 * Recomputes every dashboard rollup in one transaction, so that the figures of a page
 * agree with each other and with the "data as of" stamp written with them. CONCURRENTLY
 * keeps the old rows readable meanwhile (each view has the unique index it needs).
 * Returns how long it took.
 */
export async function refreshDashboards() {
  const started = performance.now()
  return db.transaction(async (trx) => {
    for (const view of DASHBOARD_ROLLUPS) {
      await trx.rawQuery(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}`)
      // Fresh statistics, or the planner guesses the size of what it joins.
      await trx.rawQuery(`ANALYZE ${view}`)
    }
    const durationMs = Math.round(performance.now() - started)
    // Only the last stamp matters; older ones are kept a day for the curious.
    await trx.rawQuery(
      `DELETE FROM dashboard_refreshes WHERE refreshed_at < now() - interval '1 day'`
    )
    // now(): the transaction's start, the instant the figures describe.
    await trx.rawQuery(
      `INSERT INTO dashboard_refreshes (refreshed_at, duration_ms) VALUES (now(), ?)`,
      [durationMs]
    )
    return { durationMs }
  })
}

/**
 * After a change that moves many figures at once (a call's decisions published): a
 * refresh within seconds rather than at the next ten minutes. One job per minute whatever
 * the number of requests (the minute is its business key); call it after the commit.
 */
export async function requestDashboardRefresh(now = Date.now()) {
  const minute = Math.floor(now / 60_000)
  await queue.dispatch(
    'reporting.refresh_dashboards',
    {},
    { jobId: `dashboards-refresh-${minute}`, delay: 5_000 }
  )
}
