import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { FACTORY_PASSWORD, userWithRoles } from '#database/factories/user_factory'
import { resetRedis } from '#tests/helpers/services'
import { codeOf } from '#tests/functional/identity/second_factor_fixtures'

const ARABIC = /[\u0600-\u06FF]/

test.group('Browser: a staff member enrols an authenticator at first sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('in Arabic: QR code and key, a code from the app, recovery codes once, then the dashboard', async ({
    visit,
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    const page = await visit('/login')
    await page.getByRole('button', { name: 'العربية' }).click()
    await page.waitForSelector('html[dir="rtl"]')
    await page.locator('input[name="email"]').fill(officer.email)
    await page.locator('input[name="password"]').fill(FACTORY_PASSWORD)
    await page.locator('form button[type="submit"]').last().click()
    await page.waitForURL('**/mfa/totp/new')

    assert.match(await page.locator('h1').innerText(), ARABIC)
    assert.isTrue(await page.locator('.qr-code svg').isVisible())
    if (process.env.MFA_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.MFA_SCREENSHOTS}/enrol-ar.png`, fullPage: true })
    }
    const shownKey = await page.locator('#totp-secret').innerText()
    const secret = shownKey.replace(/\s/g, '')
    await page.locator('input[name="code"]').fill(codeOf(secret))
    await page.locator('main form button[type="submit"]').click()
    await page.waitForSelector('.recovery-codes')
    assert.lengthOf(await page.locator('.recovery-codes li').all(), 10)

    await page.goto('/finance')
    assert.isTrue(page.url().endsWith('/finance'))
  })
})
