import { test } from '@japa/runner'
import FormVersion from '#programmes/models/form_version'
import { userWithRoles } from '#database/factories/user_factory'
import {
  CallFactory,
  MINIMAL_FORM,
  ProgrammeFactory,
  openCallOf,
} from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { formBody, formValues } from '#tests/helpers/html_form'
import { APPLICATION_FORMS } from '#database/forms/index'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

async function draftCall() {
  const programme = await ProgrammeFactory.create()
  const call = await CallFactory.merge({ programmeId: programme.id, state: 'draft' }).create()
  await FormVersion.create({
    callId: call.id,
    version: 1,
    definition: MINIMAL_FORM,
    frozenAt: null,
  })
  return call
}

/** An officer at the visual editor: reads the page, presses a button, gets the next page. */
function editorOf(client: ApiClient, officer: User, callId: number) {
  const url = `/staff/calls/${callId}/form/builder`
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
        .unsafeForm(formBody(formValues(html, 'form-builder'), { ...changes, command }))
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      if (response.status() !== 302) html = response.text()
      return response
    },
    get html() {
      return html
    },
  }
}

async function latestDefinition(callId: number) {
  const version = await FormVersion.query()
    .where('call_id', callId)
    .orderBy('version', 'desc')
    .firstOrFail()
  return version.definition
}

test.group('Staff: visual form editor', (group) => {
  isolateEachTest(group)

  test('the saved form comes back as inputs, and saving them as they are changes nothing', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    const editor = editorOf(client, officer, call.id)
    const page = await editor.open()
    page.assertTextIncludes('name="sections[0][fields][0][label][fr]" value="Nom du projet"')
    page.assertTextIncludes('Expert : JSON')

    const saved = await editor.press('save')
    saved.assertStatus(302)
    saved.assertHeader('location', `/staff/calls/${call.id}/form/builder`)
    assert.deepEqual(await latestDefinition(call.id), MINIMAL_FORM)
  })

  test('every seeded form, groups and files included, saves back unchanged', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    for (const [kind, definition] of Object.entries(APPLICATION_FORMS)) {
      const call = await openCallOf(kind as keyof typeof APPLICATION_FORMS, definition)
      const editor = editorOf(client, officer, call.id)
      await editor.open()
      const saved = await editor.press('save')
      assert.equal(saved.status(), 302, kind)
      assert.deepEqual(await latestDefinition(call.id), definition, kind)
    }
  })

  test('a conditional field is built visually; a condition on a later field is refused in place', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    const editor = editorOf(client, officer, call.id)
    await editor.open()

    const added = await editor.press('add_field:0', {
      'sections[0][fields][0][label][ar]': 'اسم المشروع',
    })
    added.assertStatus(200)
    // What was typed in the meantime is kept.
    added.assertTextIncludes('name="sections[0][fields][3][key]" value="field_4"')
    added.assertTextIncludes('value="اسم المشروع"')

    // A choice field (its type applies on the next post), then its options.
    await editor.press('refresh', {
      'sections[0][fields][3][key]': 'has_team',
      'sections[0][fields][3][type]': 'select',
      'sections[0][fields][3][label][fr]': 'Avez-vous une équipe ?',
    })
    await editor.press('add_option:0.3')
    await editor.press('add_option:0.3', {
      'sections[0][fields][3][options][0][value]': 'yes',
      'sections[0][fields][3][options][0][label][fr]': 'Oui',
    })
    await editor.press('add_field:0', {
      'sections[0][fields][3][options][1][value]': 'no',
      'sections[0][fields][3][options][1][label][fr]': 'Non',
    })
    // The new field reads has_team, then is moved above it: that is refused on save.
    await editor.press('field_up:0.4', {
      'sections[0][fields][4][key]': 'team_size',
      'sections[0][fields][4][label][fr]': 'Taille de l’équipe',
      'sections[0][fields][4][required]': '1',
      'sections[0][fields][4][visibleWhen][field]': 'project.has_team',
      'sections[0][fields][4][visibleWhen][operator]': 'equals',
      'sections[0][fields][4][visibleWhen][value]': 'yes',
    })
    const refused = await editor.press('save')
    refused.assertStatus(422)
    // Next to its input, with everything typed still there.
    refused.assertTextIncludes('id="b-0-3-when-error"')
    refused.assertTextIncludes('must name a field asked before this one')
    refused.assertTextIncludes('value="Taille de l’équipe"')
    assert.deepEqual(await latestDefinition(call.id), MINIMAL_FORM, 'nothing saved')

    // Moved back below the field it reads, it saves.
    await editor.press('field_down:0.3')
    const saved = await editor.press('save')
    saved.assertStatus(302)
    const definition = await latestDefinition(call.id)
    assert.deepEqual(
      definition.sections[0].fields.map((field) => field.key),
      ['name', 'amount', 'deck', 'has_team', 'team_size']
    )
    assert.deepEqual(definition.sections[0].fields[0].label, {
      fr: 'Nom du projet',
      ar: 'اسم المشروع',
      en: 'Project name',
    })
    assert.deepEqual(definition.sections[0].fields[3], {
      key: 'has_team',
      type: 'select',
      label: { fr: 'Avez-vous une équipe ?' },
      options: [
        { value: 'yes', label: { fr: 'Oui' } },
        { value: 'no', label: { fr: 'Non' } },
      ],
    })
    assert.deepEqual(definition.sections[0].fields[4], {
      key: 'team_size',
      type: 'text',
      label: { fr: 'Taille de l’équipe' },
      required: true,
      visibleWhen: { field: 'project.has_team', equals: 'yes' },
    })
  })

  test('a new section on its own page, conditional on a checkbox, and a removed field', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    const editor = editorOf(client, officer, call.id)
    await editor.open()
    await editor.press('add_field:0')
    await editor.press('add_section', {
      'sections[0][fields][3][key]': 'women_led',
      'sections[0][fields][3][type]': 'boolean',
      'sections[0][fields][3][label][fr]': 'Dirigée par une femme',
    })
    await editor.press('remove_field:0.2', {
      'sections[1][title][fr]': 'Fondatrice',
      'sections[1][newPage]': '1',
      'sections[1][visibleWhen][field]': 'project.women_led',
      'sections[1][visibleWhen][operator]': 'equals',
      'sections[1][visibleWhen][value]': 'true',
      'sections[1][fields][0][label][fr]': 'Nom de la fondatrice',
    })
    const saved = await editor.press('save')
    saved.assertStatus(302)
    const definition = await latestDefinition(call.id)
    assert.deepEqual(
      definition.sections[0].fields.map((field) => field.key),
      ['name', 'amount', 'women_led']
    )
    assert.deepEqual(definition.sections[1], {
      key: 'section_2',
      title: { fr: 'Fondatrice' },
      newPage: true,
      visibleWhen: { field: 'project.women_led', equals: true },
      fields: [{ key: 'field_1', type: 'text', label: { fr: 'Nom de la fondatrice' } }],
    })
  })

  test('every problem is listed and shown next to its input; nothing is lost or saved', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    const editor = editorOf(client, officer, call.id)
    await editor.open()
    const refused = await editor.press('save', {
      'sections[0][fields][0][key]': 'Bad Key',
      'sections[0][fields][0][label][fr]': '',
      'sections[0][fields][0][label][en]': 'Still here',
      'sections[0][fields][1][max]': 'a lot',
    })
    refused.assertStatus(422)
    for (const id of ['b-0-0-key-error', 'b-0-0-label-error', 'b-0-1-max-error']) {
      refused.assertTextIncludes(`id="${id}"`)
    }
    refused.assertTextIncludes('value="Bad Key"')
    refused.assertTextIncludes('value="Still here"')
    refused.assertTextIncludes('value="a lot"')
    refused.assertTextIncludes('href="#b-0-1"')
    assert.deepEqual(await latestDefinition(call.id), MINIMAL_FORM)
  })

  test('hostile posts never fail: unknown commands, huge indices and odd shapes are ignored', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    for (const body of [
      { command: 'remove_field:99.99' },
      { command: 'field_up:0.0', sections: 'x' },
      { command: 'add_option:0.0', sections: { 9999: { fields: { a: 1 } } } },
      { command: 'drop_table', sections: [[1, 2]], requestedAmount: { a: 1 } },
      { command: ['save'], sections: [{ fields: [{ type: 'group', fields: 'x' }] }] },
    ]) {
      const response = await client
        .put(`/staff/calls/${call.id}/form/builder`)
        .form(body)
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      // Shown again as understood, or refused with its problems: never a failure.
      assert.oneOf(response.status(), [200, 422], JSON.stringify(body))
    }
  })

  test('a closed call cannot be changed from the visual editor', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    call.state = 'closed'
    await call.save()
    const page = await client.get(`/staff/calls/${call.id}/form/builder`).loginAs(officer)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'id="form-builder"')
    const response = await client
      .put(`/staff/calls/${call.id}/form/builder`)
      .form({ command: 'save', sections: [] })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    // Refused (the page says why), and nothing changed.
    response.assertStatus(302)
    response.assertFlashMessage('error', "Cet appel n'est plus modifiable dans son état actuel.")
    assert.deepEqual(await latestDefinition(call.id), MINIMAL_FORM)
  })
})
