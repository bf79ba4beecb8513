import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { readFile } from 'node:fs/promises'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import type { Page } from 'playwright'
import Application from '#applications/models/application'
import { openCallOf } from '#database/factories/programme_factory'
import { UserFactory } from '#database/factories/user_factory'
import { resetRedis } from '#tests/helpers/services'

const ARABIC = /[\u0600-\u06FF]/

function languageOf(pdf: PDFDocument) {
  return pdf.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText()
}

/** From the catalogue to a submitted application, its receipt downloaded. */
async function applyFromCatalogue(page: Page, callId: number, projectName: string) {
  await page.locator(`a[href="/calls/${callId}"]`).first().click()
  await page.waitForURL(`**/calls/${callId}`)
  await page.locator(`form[action="/calls/${callId}/applications"] button[type="submit"]`).click()
  await page.waitForURL('**/applications/*/edit')

  await page.locator('[name="answers[project][name]"]').fill(projectName)
  await page.locator('[name="answers[project][amount]"]').fill('250 000,50')
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles(app.makePath('tests/fixtures/deck.pdf'))
  page.once('dialog', (dialog) => dialog.accept())
  await page.locator('button[formaction$="/submission"]').click()
  await page.waitForURL(/\/applications\/\d+$/)

  const downloading = page.waitForEvent('download')
  await page.locator('a[href$="/receipt"]').click()
  const download = await downloading
  return PDFDocument.load(await readFile(await download.path()))
}

test.group('Browser: applying to a call', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('a founder goes from the catalogue to a submitted application and its receipt, in French', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const founder = await UserFactory.merge({
      roles: ['applicant'],
      fullName: 'Salma Idrissi',
    }).create()
    await browserContext.loginAs(founder)

    const page = await visit('/calls')
    const receipt = await applyFromCatalogue(page, call.id, 'Argan AI')

    const application = await Application.findByOrFail('applicant_id', founder.id)
    assert.equal(application.state, 'submitted')
    assert.deepEqual(application.submittedAnswers!.project.amount, 25_000_050)
    assert.isNumber(application.submittedAnswers!.project.deck)
    assert.include(await page.locator('body').innerText(), application.reference!)
    assert.equal(receipt.getPageCount(), 1)
    assert.equal(languageOf(receipt), 'fr-MA')
  })

  test('an employee applies for the bourse de vie in Arabic, right to left, with an Arabic receipt', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const call = await openCallOf('living_grant')
    await call.merge({ title: { fr: 'Bourse de vie 2026', ar: 'منحة العيش 2026' } }).save()
    const employee = await UserFactory.merge({
      roles: ['applicant'],
      fullName: 'Youssef Alami',
      preferredLocale: 'ar',
    }).create()
    await browserContext.loginAs(employee)

    const page = await visit('/calls')
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    const receipt = await applyFromCatalogue(page, call.id, 'منصة فلاحية')

    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    assert.match(await page.locator('h1').innerText(), ARABIC)
    const application = await Application.findByOrFail('applicant_id', employee.id)
    assert.match(application.reference!, /^BV-20\d\d-\d{6}$/)
    assert.equal(languageOf(receipt), 'ar-MA')
  })
})
