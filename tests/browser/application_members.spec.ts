import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import ApplicationMember from '#applications/models/application_member'
import { openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { resetRedis } from '#tests/helpers/services'

test.group('Browser: co-applicants on the application page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('the owner invites with a labelled form and sees members to revoke, in {$self}')
    .with(['fr', 'ar'])
    .run(async ({ visit, browserContext, assert }, locale) => {
      const call = await openCallOf('startup_offer')
      const owner = await UserFactory.merge({ preferredLocale: locale }).create()
      const application = await draftOf(owner, call, { project: { name: 'Atlas' } })
      const editor = await userWithRoles('applicant')
      await ApplicationMember.create({
        applicationId: application.id,
        userId: editor.id,
        email: editor.email,
        role: 'editor',
        canSubmit: true,
        invitedBy: owner.id,
        invitedAt: DateTime.utc(),
        acceptedAt: DateTime.utc(),
      })
      await browserContext.loginAs(owner)
      const t = (key: string) => i18nManager.locale(locale).t(key)

      const page = await visit(`/applications/${application.id}`)
      await page.setViewportSize({ width: 1366, height: 900 })
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr')
      await page.getByLabel(t('members.email'), { exact: true }).fill('pending.person@example.ma')
      await page.getByLabel(t('members.role'), { exact: true }).selectOption('viewer')
      await page.getByRole('button', { name: t('members.send') }).click()
      await page.waitForURL(`**/applications/${application.id}`)
      const section = page.locator('section[aria-labelledby="members-title"]')
      await section.scrollIntoViewIfNeeded()
      if (process.env.SCREENSHOTS) {
        await page.screenshot({
          path: `${process.env.SCREENSHOTS}/members-${locale}.png`,
          fullPage: true,
        })
      }
      assert.include(await section.innerText(), 'pending.person@example.ma')
      assert.include(await section.innerText(), editor.fullName)
      const revoke = section.getByRole('button', {
        name: i18nManager.locale(locale).t('members.revoke_label', { name: editor.fullName }),
      })
      assert.isTrue(await revoke.isVisible())
    })
})
