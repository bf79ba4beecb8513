import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { BrowserContext } from 'playwright'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import FormVersion from '#programmes/models/form_version'
import { resetRedis } from '#tests/helpers/services'
import { assuranceOf } from '#tests/helpers/assurance'
import type { FormDefinition } from '#programmes/forms/form_definition'
import type User from '#identity/models/user'

/** Two sections on two pages; the officer adds the conditional question. */
const START: FormDefinition = {
  sections: [
    {
      key: 'job',
      title: { fr: 'Emploi' },
      fields: [
        {
          key: 'status',
          type: 'select',
          label: { fr: 'Statut' },
          required: true,
          options: [
            { value: 'employed', label: { fr: 'En poste' } },
            { value: 'resigned', label: { fr: 'Démissionnaire' } },
          ],
        },
      ],
    },
    {
      key: 'project',
      title: { fr: 'Projet' },
      newPage: true,
      fields: [{ key: 'summary', type: 'long_text', label: { fr: 'Résumé' } }],
    },
  ],
}

/** Signed in, past the second factor for staff (as the real sign-in leaves the session). */
async function signIn(context: BrowserContext, user: User) {
  await context.clearCookies()
  await context.loginAs(user)
  await context.setSession({ ...(await context.getSession()), ...assuranceOf(user) })
}

test.group('Browser: a conditional question, built visually', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('an officer adds a question shown only to who resigned; the applicant sees it appear', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const call = await openCallOf('living_grant', START)
    const officer = await userWithRoles('programme_officer')
    await signIn(browserContext, officer)

    const editor = await visit(`/staff/calls/${call.id}/form/builder`)
    await editor.getByRole('button', { name: 'Ajouter un champ à « Emploi »' }).click()
    await editor.waitForSelector('[name="sections[0][fields][1][key]"]')
    await editor.locator('[name="sections[0][fields][1][key]"]').fill('resigned_on')
    // Choosing the type applies it at once (the script presses "Appliquer le type").
    const applied = editor.waitForResponse(
      (response) =>
        response.url().includes('/form/builder') && response.request().method() === 'POST'
    )
    await editor.locator('[name="sections[0][fields][1][type]"]').selectOption('date')
    await applied
    await editor.waitForLoadState()
    assert.equal(
      await editor.locator('[name="sections[0][fields][1][key]"]').inputValue(),
      'resigned_on'
    )
    await editor.locator('[name="sections[0][fields][1][label][fr]"]').fill('Date de démission')
    await editor.locator('[name="sections[0][fields][1][required]"]').check()
    await editor
      .locator('[name="sections[0][fields][1][visibleWhen][field]"]')
      .selectOption('job.status')
    await editor
      .locator('[name="sections[0][fields][1][visibleWhen][operator]"]')
      .selectOption('equals')
    await editor.locator('[name="sections[0][fields][1][visibleWhen][value]"]').fill('resigned')
    await editor.getByRole('button', { name: 'Enregistrer le formulaire' }).first().click()
    await editor.waitForSelector('.alert.success, [role="status"]')
    if (process.env.BUILDER_SCREENSHOTS) {
      await editor.screenshot({
        path: `${process.env.BUILDER_SCREENSHOTS}/builder.png`,
        fullPage: true,
      })
    }

    const saved = await FormVersion.query()
      .where('call_id', call.id)
      .orderBy('version', 'desc')
      .firstOrFail()
    assert.deepEqual(saved.definition.sections[0].fields[1], {
      key: 'resigned_on',
      type: 'date',
      label: { fr: 'Date de démission' },
      required: true,
      visibleWhen: { field: 'job.status', equals: 'resigned' },
    })

    const applicant = await userWithRoles('applicant')
    await signIn(browserContext, applicant)
    const page = await visit(`/calls/${call.id}`)
    await page
      .locator(`form[action="/calls/${call.id}/applications"] button[type="submit"]`)
      .click()
    await page.waitForURL('**/applications/*/edit')

    const question = page.locator('[name="answers[job][resigned_on]"]')
    assert.isFalse(await question.isVisible(), 'hidden until the status says so')
    await page.locator('[name="answers[job][status]"]').selectOption('resigned')
    assert.isTrue(await question.isVisible())
    await page.locator('[name="answers[job][status]"]').selectOption('employed')
    assert.isFalse(await question.isVisible())

    // One page at a time: the project section waits behind "Page suivante".
    const summary = page.locator('[name="answers[project][summary]"]')
    assert.isFalse(await summary.isVisible())
    await page.getByRole('button', { name: 'Page suivante' }).click()
    assert.isTrue(await summary.isVisible())
    assert.include(await page.locator('.form-pages-status').innerText(), 'Page 2 sur 2')
    assert.isFalse(await page.getByRole('button', { name: 'Page suivante' }).isVisible())
    if (process.env.BUILDER_SCREENSHOTS) {
      await page.screenshot({
        path: `${process.env.BUILDER_SCREENSHOTS}/applicant.png`,
        fullPage: true,
      })
    }
  })
})
