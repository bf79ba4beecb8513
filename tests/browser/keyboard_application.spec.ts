import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import type { Page } from 'playwright'
import Application from '#applications/models/application'
import { openCallOf } from '#database/factories/programme_factory'
import { UserFactory } from '#database/factories/user_factory'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { resetRedis } from '#tests/helpers/services'

/** One field of every kind a founder answers by hand, the file and the choice required. */
const KEYBOARD_FORM: FormDefinition = {
  sections: [
    {
      key: 'project',
      title: { fr: 'Projet' },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom du projet' }, required: true },
        { key: 'summary', type: 'long_text', label: { fr: 'Résumé' }, maxLength: 2000 },
        {
          key: 'sector',
          type: 'select',
          label: { fr: 'Secteur' },
          required: true,
          options: [
            { value: 'agritech', label: { fr: 'Agritech' } },
            { value: 'fintech', label: { fr: 'Fintech' } },
          ],
        },
        {
          key: 'markets',
          type: 'multi_select',
          label: { fr: 'Marchés' },
          options: [
            { value: 'ma', label: { fr: 'Maroc' } },
            { value: 'africa', label: { fr: 'Afrique' } },
          ],
        },
        { key: 'team_size', type: 'number', label: { fr: 'Taille de l’équipe' }, min: 1 },
        { key: 'founded_on', type: 'date', label: { fr: 'Date de création' } },
        { key: 'women_led', type: 'boolean', label: { fr: 'Dirigée par une femme' } },
        {
          key: 'amount',
          type: 'money',
          requestedAmount: true,
          label: { fr: 'Montant demandé' },
          min: 0,
          max: 1_000_000,
        },
        {
          key: 'deck',
          type: 'file',
          label: { fr: 'Présentation' },
          required: true,
          accept: ['application/pdf'],
          maxSizeMb: 5,
        },
      ],
    },
  ],
}

/** What has the focus now: whether it is `selector`, shows its indicator and is not hidden. */
function focusState(page: Page, selector: string) {
  return page.evaluate((wanted) => {
    // In the page (the project's TypeScript has no DOM library).
    const { document, window } = globalThis as any
    const element = document.activeElement
    if (!element || element === document.body) return null
    const style = window.getComputedStyle(element)
    const box = element.getBoundingClientRect()
    // Not hidden under a sticky bar or the header: the middle of the element is the element.
    const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1)
    const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1)
    const onTop = document.elementFromPoint(x, y)
    const label = onTop?.closest('label')
    return {
      matches: element.matches(wanted),
      where: `${element.tagName.toLowerCase()}#${element.id || element.getAttribute('name') || element.textContent?.trim().slice(0, 40)}`,
      // The ring of resources/css/app.css (yellow inside), or a visible outline.
      visible:
        style.boxShadow.includes('rgb(255, 191, 71)') ||
        (style.outlineStyle !== 'none' && style.outlineColor !== 'rgba(0, 0, 0, 0)'),
      obscured: !(
        onTop &&
        (onTop === element ||
          element.contains(onTop) ||
          onTop.contains(element) ||
          // A label's text stands in for its control.
          label?.control === element)
      ),
    }
  }, selector)
}

interface Checks {
  isTrue(value: unknown, message?: string): void
  fail(message: string): void
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focus is on `selector`, checking on
 * the way that every stop shows its focus indicator and is not hidden under anything.
 */
async function tabTo(page: Page, selector: string, assert: Checks, backwards = false) {
  const stops: string[] = []
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    const focus = await focusState(page, selector)
    if (!focus) {
      stops.push(`(nothing, on ${page.url()})`)
      continue
    }
    stops.push(focus.where)
    assert.isTrue(focus.visible, `the focus on ${focus.where} is visible`)
    assert.isTrue(
      !focus.obscured,
      `the focus on ${focus.where} is not hidden under another element`
    )
    if (focus.matches) return
  }
  assert.fail(`${selector} was never reached with the keyboard: ${stops.join(' → ')}`)
}

test.group('Browser: keyboard only', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('a founder applies from the catalogue to the receipt with the keyboard alone', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', KEYBOARD_FORM)
    const founder = await UserFactory.merge({
      roles: ['applicant'],
      fullName: 'Salma Idrissi',
    }).create()
    await browserContext.loginAs(founder)
    const page = await visit('/calls')
    await page.setViewportSize({ width: 1366, height: 768 })
    // The confirmation before submitting, answered as with Enter.
    page.on('dialog', (dialog) => dialog.accept())

    // The skip link comes first.
    await tabTo(page, '.skip-link', assert)

    // Catalogue → the call's page → a new draft.
    await tabTo(page, `a[href="/calls/${call.id}"]`, assert)
    await page.keyboard.press('Enter')
    await page.waitForURL(`**/calls/${call.id}`, { waitUntil: 'networkidle' })
    await tabTo(page, `form[action="/calls/${call.id}/applications"] button[type="submit"]`, assert)
    await page.keyboard.press('Enter')
    await page.waitForURL('**/applications/*/edit', { waitUntil: 'networkidle' })

    // Submitting the empty form is refused: the focus lands on the list of problems.
    await tabTo(page, 'button[formaction$="/submission"]', assert)
    await page.keyboard.press('Enter')
    await page.waitForURL('**/applications/*/edit')
    await page.waitForSelector('[data-error-summary]')
    const summary = await focusState(page, '[data-error-summary]')
    assert.isTrue(summary?.matches, 'the error summary has the focus')
    assert.isTrue(summary?.visible, 'the focused error summary shows it')
    const problems = await page.locator('[data-error-summary] a').allInnerTexts()
    assert.lengthOf(problems, 3, problems.join(' | '))

    // Its first link puts the caret in the project's name.
    await tabTo(page, '[data-error-summary] a[href="#f-project-name"]', assert)
    await page.keyboard.press('Enter')
    const nameField = await focusState(page, '#f-project-name')
    assert.isTrue(nameField?.matches, 'the name field has the focus')
    await page.keyboard.type('Argan AI')

    await tabTo(page, '#f-project-summary', assert)
    await page.keyboard.type('Une huile d’argan tracée de l’arbre au flacon.')
    await tabTo(page, '#f-project-sector', assert)
    await page.keyboard.type('Fin')
    await tabTo(page, '#f-project-markets-o1', assert)
    await page.keyboard.press('Space')
    await tabTo(page, '#f-project-team_size', assert)
    await page.keyboard.type('4')
    await tabTo(page, '#f-project-founded_on', assert)
    // Day and month alike: the segments' order follows the browser's own locale.
    await page.keyboard.type('03032024')
    await tabTo(page, '#f-project-women_led', assert)
    await page.keyboard.press('Space')
    await tabTo(page, '#f-project-amount', assert)
    await page.keyboard.type('250000')
    await tabTo(page, '#f-project-deck', assert)
    const choosing = page.waitForEvent('filechooser')
    await page.keyboard.press('Space')
    const chooser = await choosing
    await chooser.setFiles(app.makePath('tests/fixtures/deck.pdf'))

    await tabTo(page, 'button[formaction$="/submission"]', assert)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/applications\/\d+$/)

    const application = await Application.findByOrFail('applicant_id', founder.id)
    assert.equal(application.state, 'submitted')
    assert.deepInclude(application.submittedAnswers!.project, {
      name: 'Argan AI',
      sector: 'fintech',
      markets: ['africa'],
      team_size: 4,
      founded_on: '2024-03-03',
      women_led: true,
      amount: 25_000_000,
    })
    assert.isNumber(application.submittedAnswers!.project.deck)

    // The receipt, reached and opened from the keyboard.
    await tabTo(page, 'a[href$="/receipt"]', assert)
    const downloading = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    const receipt = await downloading
    assert.match(receipt.suggestedFilename(), /\.pdf$/)
  })
})
