import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { resetRedis } from '#tests/helpers/services'

const ARABIC = /[\u0600-\u06FF]/

test.group('Browser: Arabic, right to left', (group) => {
  // The HTTP server runs in the test process, so the rollback covers its writes too.
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('a person picks Arabic, logs in and works on a right-to-left page', async ({
    visit,
    assert,
  }) => {
    const user = await UserFactory.merge({ fullName: 'Hajar Ouazzani' }).create()

    const page = await visit('/login')
    assert.equal(await page.getAttribute('html', 'lang'), 'fr')

    await page.getByRole('button', { name: 'العربية' }).click()
    await page.waitForSelector('html[dir="rtl"]')
    assert.equal(await page.getAttribute('html', 'lang'), 'ar')
    assert.match(await page.locator('h1').innerText(), ARABIC)

    // The layout is mirrored: the brand sits on the right, the navigation on the left.
    const brand = await page.locator('.brand').boundingBox()
    const nav = await page.locator('.site-nav').boundingBox()
    assert.isAbove(brand!.x, nav!.x)

    await page.locator('input[name="email"]').fill(user.email)
    await page.locator('input[name="password"]').fill(FACTORY_PASSWORD)
    await page.locator('form button[type="submit"]').last().click()
    await page.waitForURL('**/dashboard')

    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    const heading = await page.locator('h1').innerText()
    assert.include(heading, 'Hajar Ouazzani')
    assert.match(heading, ARABIC)

    await user.refresh()
    assert.equal(user.preferredLocale, 'fr', 'a guest choice is a cookie, not a profile change')
  })
})
