import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import ApplicationDocument from '#applications/models/application_document'
import { MINIMAL_FORM, openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { userWithRoles } from '#database/factories/user_factory'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { isolateEachTest } from '#tests/helpers/http'

const EXE = app.makePath('tests/fixtures/setup.exe')

/** MINIMAL_FORM with the pitch deck required. */
const FORM_WITH_DECK: FormDefinition = {
  sections: MINIMAL_FORM.sections.map((section) => ({
    ...section,
    fields: section.fields.map((field) =>
      field.key === 'deck' ? { ...field, required: true } : field
    ),
  })),
}

async function draftToSubmit() {
  const call = await openCallOf('startup_offer', FORM_WITH_DECK)
  const founder = await userWithRoles('applicant')
  const draft = await draftOf(founder, call)
  return { founder, draft }
}

test.group('Applications / every problem of a submission at once', (group) => {
  isolateEachTest(group)

  test('a refused file and a missing answer are reported together (JSON 422)', async ({
    client,
    assert,
  }) => {
    const { founder, draft } = await draftToSubmit()
    const response = await client
      .post(`/applications/${draft.id}/submission`)
      .accept('json')
      .field('answers[project][amount]', '1000')
      .file('files[project][deck]', EXE, { filename: 'deck.pdf', contentType: 'application/pdf' })
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['project.deck', 'project.name'])
    await draft.refresh()
    assert.equal(draft.state, 'draft')
    assert.equal(draft.answers.project.amount, '1000', 'the answers are saved as a draft')
    assert.lengthOf(await ApplicationDocument.query().where('application_id', draft.id), 0)
  })

  test('a missing required file and a missing answer are reported together', async ({
    client,
    assert,
  }) => {
    const { founder, draft } = await draftToSubmit()
    const response = await client
      .post(`/applications/${draft.id}/submission`)
      .accept('json')
      .json({ answers: { project: { amount: '1000' } } })
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['project.deck', 'project.name'])
  })

  test('the page goes back with every field error and says the draft was saved, not submitted', async ({
    client,
    assert,
  }) => {
    const { founder, draft } = await draftToSubmit()
    const response = await client
      .post(`/applications/${draft.id}/submission`)
      .field('answers[project][amount]', '1000')
      .file('files[project][deck]', EXE, { filename: 'deck.pdf', contentType: 'application/pdf' })
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const flash = response.flashMessages() as Record<string, any>
    assert.includeMembers(Object.keys(flash.inputErrorsBag), ['project.deck', 'project.name'])
    const summary: string = flash.errorsBag.E_VALIDATION_ERROR
    assert.include(summary, 'Votre brouillon est enregistré')
    assert.include(summary, "n'a pas été soumise")
    assert.notInclude(summary, "n'a pas pu être enregistré")
  })

  test('saving a draft with a refused file says the rest was saved', async ({ client, assert }) => {
    const { founder, draft } = await draftToSubmit()
    const response = await client
      .put(`/applications/${draft.id}`)
      .field('answers[project][name]', 'Argan AI')
      .file('files[project][deck]', EXE, { filename: 'deck.pdf', contentType: 'application/pdf' })
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const flash = response.flashMessages() as Record<string, any>
    const summary: string = flash.errorsBag.E_VALIDATION_ERROR
    assert.include(summary, 'Votre brouillon est enregistré')
    assert.notInclude(summary, "n'a pas pu être enregistré")
  })
})
