import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import User from '#identity/models/user'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { submittedTo } from '#tests/functional/applications/staff_fixtures'
import { resetRedis } from '#tests/helpers/services'

/** Whether the element lies inside its card (not overflowing or clipped by it). */
function insideCard(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect()
    const card = element.closest('.card')!.getBoundingClientRect()
    return box.left >= card.left && box.right <= card.right
  })
}

/** Rendered lines of a summary value, measured against its one-line label. */
async function linesOf(page: Page, selector: string) {
  const value = await page.locator(selector).boundingBox()
  const label = await page.locator(selector).locator('xpath=preceding-sibling::dt[1]').boundingBox()
  return Math.round(value!.height / label!.height)
}

test.group('Browser: the applicant’s application page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('the summary card keeps the reference on one line at 1366 px and on a phone, in {$self}')
    .with(['fr', 'ar'])
    .run(async ({ visit, browserContext, assert }, locale) => {
      const call = await openCallOf('startup_offer')
      const application = await submittedTo(call)
      const applicant = await User.findOrFail(application.applicantId)
      applicant.preferredLocale = locale
      await applicant.save()
      await browserContext.loginAs(applicant)

      const page = await visit(`/applications/${application.id}`)
      for (const [width, height] of [
        [1366, 768],
        [390, 844],
      ]) {
        await page.setViewportSize({ width, height })
        if (process.env.SCREENSHOTS) {
          await page.screenshot({
            path: `${process.env.SCREENSHOTS}/application-${locale}-${width}.png`,
          })
        }
        assert.equal(await linesOf(page, '.summary-reference'), 1, `${width} px, ${locale}`)
        assert.isTrue(await insideCard(page, '.summary-reference'), `${width} px, ${locale}`)
      }
    })
})

test.group('Browser: a call page’s eligibility self-check', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('a visitor on a phone checks their eligibility in {$self}, without JavaScript')
    .with(['fr', 'ar'])
    .run(async ({ browser, assert }, locale) => {
      const call = await openCallOf('startup_offer')
      await publishRules(call)
      const context = await browser.newContext({
        locale,
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
      })
      const page = await context.newPage()
      await page.goto(`${process.env.APP_URL}/calls/${call.id}`)
      await page.locator('[name="answers[project][amount]"]').fill('600000')
      if (process.env.SCREENSHOTS) {
        await page.screenshot({
          path: `${process.env.SCREENSHOTS}/call-${locale}-390.png`,
          fullPage: true,
        })
      }
      await page.locator('.self-check-form button[type="submit"]').click()
      await page.waitForURL(/eligibility-check/)
      assert.include(
        await page.locator('#self-check').innerText(),
        locale === 'fr' ? 'Non remplie' : 'غير مستوفى'
      )
      if (process.env.SCREENSHOTS) {
        await page.screenshot({
          path: `${process.env.SCREENSHOTS}/check-${locale}-390.png`,
          fullPage: true,
        })
      }
      await context.close()
    })
})
