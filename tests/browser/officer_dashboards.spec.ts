import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import testUtils from '@adonisjs/core/services/test_utils'
import { resetRedis } from '#tests/helpers/services'
import { assuranceOf } from '#tests/helpers/assurance'
import { dashboardFixture } from '#tests/functional/reporting/dashboard_fixtures'

const ARABIC = /[\u0600-\u06FF]/

test.group('Browser: an officer reads the dashboards in Arabic', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('filters by region and period, sees the figures change, downloads the CSV', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { officer, callA } = await dashboardFixture()
    officer.preferredLocale = 'ar'
    await officer.save()
    // Signed in past the second factor, as loginAs does for the API client.
    await browserContext.setSession({ auth_web: officer.id, ...assuranceOf(officer) })

    const page = await visit(`/staff/dashboards?call=${callA.id}`)
    await page.waitForSelector('html[dir="rtl"]')
    assert.match(await page.locator('h1').innerText(), ARABIC)
    assert.match(await page.locator('#data-as-of').innerText(), ARABIC)
    const drafts = () =>
      page.locator('table[data-table="funnel"] tbody tr').first().locator('td').first().innerText()
    assert.equal(await drafts(), '9')
    if (process.env.DASHBOARD_SCREENSHOTS) {
      await page.setViewportSize({ width: 1366, height: 900 })
      await page.screenshot({
        path: `${process.env.DASHBOARD_SCREENSHOTS}/dashboards-ar.png`,
        fullPage: true,
      })
      for (const panel of ['funnel', 'money', 'reviewers']) {
        await page.locator(`#panel-${panel}-section`).screenshot({
          path: `${process.env.DASHBOARD_SCREENSHOTS}/dashboards-ar-${panel}.png`,
        })
      }
    }
    // The funnel is an image with its title, the table under it.
    assert.equal(await page.locator('#chart-funnel-title').count(), 1)

    await page.getByLabel('الجهة', { exact: true }).selectOption('oriental')
    await page.getByRole('button', { name: 'ترشيح' }).click()
    await page.waitForURL(/region=oriental/)
    assert.equal(await drafts(), '3')

    await page.getByLabel('من شهر', { exact: true }).fill('2026-02')
    await page.getByLabel('إلى شهر', { exact: true }).fill('2026-02')
    await page.getByRole('button', { name: 'ترشيح' }).click()
    await page.waitForURL(/from=2026-02/)
    // In February, in the Oriental, only the application whose appeal was upheld.
    assert.equal(await drafts(), '1')
    assert.equal(await page.getByLabel('الجهة', { exact: true }).inputValue(), 'oriental')

    const downloading = page.waitForEvent('download')
    await page.locator('#panel-funnel-section a[download]').click()
    const download = await downloading
    assert.match(
      download.suggestedFilename(),
      /^dashboard-funnel-call-\d+-oriental-2026-02-2026-02\.csv$/
    )
    const file = await readFile((await download.path())!, 'utf8')
    const lines = file.replace('\uFEFF', '').trim().split('\r\n')
    assert.equal(lines[0], '"المرحلة","الترشيحات","النسبة من الترشيحات"')
    assert.equal(lines[1], '"المسودات","1","100.0"')
    assert.equal(lines[3], '"المؤهلة","1","100.0"')
    assert.equal(lines[5], '"الفائزة","0","0.0"')
  })
})
