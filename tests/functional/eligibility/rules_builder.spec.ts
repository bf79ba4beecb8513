import { test } from '@japa/runner'
import { MINIMAL_RULES, openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { isolateEachTest } from '#tests/helpers/http'
import { formBody, formValues } from '#tests/helpers/html_form'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

/** An officer at the visual rules editor: reads the page, presses a button, gets the next page. */
function editorOf(client: ApiClient, officer: User, callId: number) {
  const url = `/staff/calls/${callId}/rules/builder`
  let html = ''
  return {
    async open() {
      const page = await client.get(url).loginAs(officer)
      page.assertStatus(200)
      html = page.text()
      return page
    },
    async press(command: string, changes: Record<string, string> = {}) {
      const response = await client
        .put(url)
        .unsafeForm(formBody(formValues(html, 'rules-builder-form'), { ...changes, command }))
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      if (response.status() !== 302) html = response.text()
      return response
    },
  }
}

async function workingCopy(callId: number) {
  return RuleSetVersion.query().where('call_id', callId).orderBy('version', 'desc').first()
}

test.group('Staff: visual rules editor', (group) => {
  isolateEachTest(group)

  test('the working copy comes back as inputs, and saving them unchanged changes nothing', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await RuleSetVersion.create({
      callId: call.id,
      version: 1,
      rules: MINIMAL_RULES,
      publishedAt: null,
    })
    const editor = editorOf(client, officer, call.id)
    const page = await editor.open()
    page.assertTextIncludes('name="conditions[0][value]" value="500000"')
    page.assertTextIncludes('Expert : JSON, essai et publication')
    const saved = await editor.press('save')
    saved.assertStatus(302)
    saved.assertFlashMessage(
      'success',
      "Rien n'a changé : ces règles sont déjà celles de la version 1."
    )
    assert.deepEqual((await workingCopy(call.id))!.rules, MINIMAL_RULES)
  })

  test('an officer adds a condition on a field of the form, with its message, and saves', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const editor = editorOf(client, officer, call.id)
    await editor.open()
    const added = await editor.press('add_condition')
    added.assertStatus(200)
    // The field chosen, the operators fit it.
    const fitted = await editor.press('refresh', { 'conditions[0][field]': 'project.amount' })
    fitted.assertTextIncludes('<option value="lte"')
    await editor.press('refresh', {
      'conditions[0][id]': 'ceiling',
      'conditions[0][operator]': 'lte',
    })
    const saved = await editor.press('save', {
      'conditions[0][value]': '250 000',
      'conditions[0][message][fr]': 'Au plus 250 000 MAD.',
      'conditions[0][message][ar]': 'على الأكثر 250000 درهم.',
    })
    saved.assertStatus(302)
    assert.deepEqual((await workingCopy(call.id))!.rules, {
      eligibility: {
        all: [
          {
            id: 'ceiling',
            field: 'project.amount',
            operator: 'lte',
            value: { mad: 250_000 },
            message: { fr: 'Au plus 250 000 MAD.', ar: 'على الأكثر 250000 درهم.' },
          },
        ],
      },
      scoring: [],
    })
  })

  test('problems are shown next to their inputs, everything typed is kept, nothing saved', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await RuleSetVersion.create({
      callId: call.id,
      version: 1,
      rules: MINIMAL_RULES,
      publishedAt: null,
    })
    const editor = editorOf(client, officer, call.id)
    await editor.open()
    const refused = await editor.press('save', {
      'conditions[0][value]': 'beaucoup',
      'criteria[0][weight]': 'lourd',
    })
    refused.assertStatus(422)
    refused.assertTextIncludes('id="c-0-value-error"')
    refused.assertTextIncludes('value="beaucoup"')
    refused.assertTextIncludes('href="#k-0"')
    assert.deepEqual((await workingCopy(call.id))!.rules, MINIMAL_RULES)
  })

  test('a closed-and-decided call refuses changes; odd posts never fail', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    for (const body of [
      { command: 'remove_condition:99' },
      { command: 'add_band:0', criteria: 'x', conditions: { 9999: { id: 1 } } },
      { command: ['add_condition', 'add_criterion'], combinator: { a: 1 } },
    ]) {
      const response = await client
        .put(`/staff/calls/${call.id}/rules/builder`)
        .form(body)
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(200)
    }
    call.state = 'decided'
    await call.save()
    const refused = await client
      .put(`/staff/calls/${call.id}/rules/builder`)
      .form({ command: 'save', combinator: 'any' })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
  })
})
