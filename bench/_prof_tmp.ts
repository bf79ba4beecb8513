import { bootApp } from './lib.js'
const app = await bootApp()
const { dashboardFigures } = await import('#reporting/dashboards/dashboard_figures')
const { dashboardTables, DASHBOARD_TABLES } = await import('#reporting/dashboards/dashboard_tables')
const i18nManager = (await import('@adonisjs/i18n/services/main')).default
const i18n = i18nManager.locale('fr')
for (let round = 0; round < 5; round++) {
  let t = performance.now()
  const figures = await dashboardFigures({}, { applications: true, money: true })
  const q = performance.now() - t
  const times: Record<string, string> = { queries: q.toFixed(1) }
  for (const key of DASHBOARD_TABLES) {
    t = performance.now()
    dashboardTables(figures, i18n, [key])
    times[key] = (performance.now() - t).toFixed(2)
  }
  times.money_months = String(figures.money.months.length)
  console.log(JSON.stringify(times))
}
await app.terminate()
