import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import FormVersion from '#programmes/models/form_version'
import { userWithRoles } from '#database/factories/user_factory'
import {
  CallFactory,
  FORM_WITHOUT_REQUESTED_AMOUNT,
  MINIMAL_FORM,
  ProgrammeFactory,
} from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import type { FormDefinition } from '#programmes/forms/form_definition'

/** MINIMAL_FORM with one more field: what an officer typically saves. */
const WITH_SECTOR: FormDefinition = {
  sections: [
    {
      ...MINIMAL_FORM.sections[0],
      fields: [
        ...MINIMAL_FORM.sections[0].fields,
        {
          key: 'sector',
          type: 'select',
          label: { fr: 'Secteur', ar: 'القطاع' },
          options: [
            { value: 'agritech', label: { fr: 'Agritech' } },
            { value: 'fintech', label: { fr: 'Fintech' } },
          ],
        },
      ],
    },
  ],
}

async function callWith(state: 'draft' | 'open' | 'closed', versions: number) {
  const programme = await ProgrammeFactory.create()
  const call = await CallFactory.merge({ programmeId: programme.id, state }).create()
  for (let version = 1; version <= versions; version++) {
    await FormVersion.create({ callId: call.id, version, definition: MINIMAL_FORM, frozenAt: null })
  }
  return call
}

function versionsOf(callId: number) {
  return FormVersion.query().where('call_id', callId).orderBy('version')
}

function formAudits(callId: number) {
  return db.from('audit_logs').where({
    action: 'call.form_updated',
    subject_id: String(callId),
  })
}

test.group('Staff: application form editor', (group) => {
  isolateEachTest(group)

  test('the editor shows the current definition, pretty-printed, and the versions', async ({
    client,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('draft', 1)
    const page = await client.get(`/staff/calls/${call.id}/form`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes(
      '&quot;sections&quot;: [\n    {\n      &quot;key&quot;: &quot;project&quot;'
    )
    page.assertTextIncludes('Modifiable')
  })

  test('a first save creates version 1; later saves correct it in place while nothing is submitted', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('draft', 0)
    const first = await client
      .put(`/staff/calls/${call.id}/form`)
      .form({ definition: JSON.stringify(MINIMAL_FORM) })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    first.assertStatus(302)
    first.assertHeader('location', `/staff/calls/${call.id}/form`)
    first.assertFlashMessage('success', 'Formulaire enregistré (version 1).')

    await client
      .put(`/staff/calls/${call.id}/form`)
      .form({ definition: JSON.stringify(WITH_SECTOR, null, 2) })
      .loginAs(officer)
      .withCsrfToken()
    const versions = await versionsOf(call.id)
    assert.lengthOf(versions, 1)
    assert.deepEqual(versions[0].definition, WITH_SECTOR)

    const audits = await formAudits(call.id).orderBy('id')
    assert.deepEqual(
      audits.map((entry) => [entry.metadata.version, entry.metadata.newVersion, entry.actor_id]),
      [
        [1, true, officer.id],
        [1, false, officer.id],
      ]
    )
  })

  test('a frozen version is never rewritten: saving creates version 2, version 1 stays as it was', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('open', 1)
    const [v1] = await versionsOf(call.id)
    v1.frozenAt = DateTime.utc()
    await v1.save()

    const response = await client
      .put(`/staff/calls/${call.id}/form`)
      .form({ definition: JSON.stringify(WITH_SECTOR) })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'La version précédente est utilisée par des candidatures soumises : la version 2 a été créée.'
    )

    const versions = await versionsOf(call.id)
    assert.deepEqual(
      versions.map((version) => version.version),
      [1, 2]
    )
    assert.deepEqual(versions[0].definition, MINIMAL_FORM)
    assert.isNotNull(versions[0].frozenAt)
    assert.deepEqual(versions[1].definition, WITH_SECTOR)
    assert.isNull(versions[1].frozenAt)
    const [entry] = await formAudits(call.id)
    assert.equal(entry.metadata.version, 2)
    assert.equal(entry.metadata.formVersionId, versions[1].id)

    const page = await client.get(`/staff/calls/${call.id}/form`).loginAs(officer)
    page.assertTextIncludes('Figée')
  })

  test('invalid JSON is shown back with where it breaks, and nothing is written', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('draft', 1)
    const text = '{\n  "sections": [\n    { "key": "project", }\n  ]\n}'
    const page = await client
      .put(`/staff/calls/${call.id}/form`)
      .form({ definition: text })
      .loginAs(officer)
      .withCsrfToken()
    page.assertStatus(422)
    page.assertTextIncludes('Le texte n&#x27;est pas du JSON valide (ligne 3, colonne 25).')
    // The officer's text is kept for correction.
    page.assertTextIncludes('{ &quot;key&quot;: &quot;project&quot;, }')

    const [version] = await versionsOf(call.id)
    assert.deepEqual(version.definition, MINIMAL_FORM)
    assert.lengthOf(await formAudits(call.id), 0)
  })

  test('an invalid definition lists every problem with its exact path, and nothing is written', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('draft', 1)
    const broken = {
      sections: [
        {
          key: 'project',
          title: { fr: 'Projet' },
          fields: [
            { key: 'name', type: 'text', label: { fr: 'Nom' } },
            { key: 'name', type: 'colour', label: { fr: 'Couleur' } },
            { key: 'deck', type: 'file', label: { en: 'Deck' }, accept: ['text/html'] },
          ],
        },
      ],
    }
    const page = await client
      .put(`/staff/calls/${call.id}/form`)
      .form({ definition: JSON.stringify(broken) })
      .loginAs(officer)
      .withCsrfToken()
    page.assertStatus(422)
    page.assertTextIncludes('Rien n&#x27;a été enregistré. 4 erreurs sont à corriger :')
    page.assertTextIncludes('sections[0].fields[1].key : &quot;name&quot; is used twice')
    page.assertTextIncludes('sections[0].fields[1].type : must be one of')
    page.assertTextIncludes('sections[0].fields[2].label : needs a French text')
    page.assertTextIncludes(
      'sections[0].fields[2].accept : &quot;text/html&quot; is not an accepted file type'
    )

    const json = await client
      .put(`/staff/calls/${call.id}/form`)
      .accept('json')
      .json({ definition: JSON.stringify({ sections: [] }) })
      .loginAs(officer)
      .withCsrfToken()
    json.assertStatus(422)
    assert.deepEqual(
      json.body().errors.map((error: { message: string }) => error.message),
      ['sections : needs at least one section']
    )

    const [version] = await versionsOf(call.id)
    assert.deepEqual(version.definition, MINIMAL_FORM)
    assert.lengthOf(await formAudits(call.id), 0)
  })

  test('the editor shows which money field is the requested amount, and refuses a startup offer form without one', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('draft', 1)
    const page = await client.get(`/staff/calls/${call.id}/form`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes(
      'Champ du montant demandé, lu par le classement et l’attribution : Montant demandé'
    )
    page.assertTextIncludes('<code dir="ltr">project.amount</code>')

    const refused = await client
      .put(`/staff/calls/${call.id}/form`)
      .form({ definition: JSON.stringify(FORM_WITHOUT_REQUESTED_AMOUNT) })
      .loginAs(officer)
      .withCsrfToken()
    refused.assertStatus(422)
    refused.assertTextIncludes('a startup_offer form must declare the amount asked')
    const [version] = await versionsOf(call.id)
    assert.deepEqual(version.definition, MINIMAL_FORM)
  })

  test('a new startup offer form starts with a declared requested amount', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('draft', 0)
    const page = await client.get(`/staff/calls/${call.id}/form`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('&quot;requestedAmount&quot;: true')
  })

  test('the form of a closed call can no longer change', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await callWith('closed', 1)
    const response = await client
      .put(`/staff/calls/${call.id}/form`)
      .form({ definition: JSON.stringify(WITH_SECTOR) })
      .header('Referer', `/staff/calls/${call.id}/form`)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', "Cet appel n'est plus modifiable dans son état actuel.")
    const [version] = await versionsOf(call.id)
    assert.deepEqual(version.definition, MINIMAL_FORM)
    const page = await client.get(`/staff/calls/${call.id}/form`).loginAs(officer)
    page.assertTextIncludes('readonly')
    assert.notInclude(page.text(), 'name="definition"')
  })
})
