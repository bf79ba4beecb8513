import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { draftOf } from '#database/factories/application_factory'
import ApplicationEvaluation from '#eligibility/models/application_evaluation'
import { isolateEachTest } from '#tests/helpers/http'
import { pdfText } from '#tests/helpers/pdf_text'
import { CONDITIONAL_FORM } from '#tests/unit/programmes/conditional_form'
import type { RuleSet } from '#eligibility/rule_set'
import type { FormAnswers } from '#programmes/forms/form_definition'
import type User from '#identity/models/user'
import type Call from '#programmes/models/call'
import { assignedReview, rubricOf } from '#database/factories/scoring_factory'
import { submittedTo } from '#tests/functional/applications/staff_fixtures'
import type { ApiClient } from '@japa/api-client'

/** Only who resigned is asked the date; a rule on that date sees no date for the others. */
const RESIGNED_RULES: RuleSet = {
  eligibility: {
    all: [
      {
        id: 'resigned_recently',
        field: 'job.resigned_on',
        operator: 'after',
        value: '2025-01-01',
        message: { fr: 'La démission doit dater de 2025 ou après.' },
      },
    ],
  },
  scoring: [],
}

async function submit(client: ApiClient, founder: User, call: Call, answers: FormAnswers) {
  const draft = await draftOf(founder, call, answers)
  // The proof is uploaded through the form, whatever the status says.
  const upload = await client
    .put(`/applications/${draft.id}`)
    .file('files[job][proof]', app.makePath('tests/fixtures/deck.pdf'), { filename: 'proof.pdf' })
    .loginAs(founder)
    .withCsrfToken()
    .redirects(0)
  upload.assertStatus(302)
  const response = await client
    .post(`/applications/${draft.id}/submission`)
    .accept('json')
    .json({})
    .loginAs(founder)
    .withCsrfToken()
  await draft.refresh()
  return { draft, response }
}

test.group('Conditional fields, from submission to every reader', (group) => {
  isolateEachTest(group)

  test('without JavaScript every question shows, each conditional one saying when it applies', async ({
    client,
  }) => {
    const call = await openCallOf('living_grant', CONDITIONAL_FORM)
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call, { job: { status: 'employed' } })
    const page = await client.get(`/applications/${draft.id}/edit`).loginAs(founder)
    page.assertStatus(200)
    page.assertTextIncludes('name="answers[job][resigned_on]"')
    page.assertTextIncludes('Seulement si « Statut » est « Démissionnaire ».')
    page.assertTextIncludes('Seulement si « Cofondateur ? » est cochée.')
    page.assertTextIncludes('Seulement si « Nom » est renseigné.')
    // The second page starts at the co-founder section (the script pages the form).
    page.assertTextIncludes('id="section-cofounder" data-form-page="1"')
  })

  test('a hidden field is neither required nor kept, shown, exported, printed or eligible', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('living_grant', CONDITIONAL_FORM)
    await publishRules(call, RESIGNED_RULES)
    const founder = await userWithRoles('applicant')
    const { draft, response } = await submit(client, founder, call, {
      job: { status: 'employed', resigned_on: '2026-01-01', has_cofounder: 'false' },
      cofounder: { name: 'Ghost', email: 'ghost@example.ma' },
    })
    response.assertStatus(201)

    // The validator dropped what the employed applicant was not asked.
    assert.deepEqual(draft.submittedAnswers, { job: { status: 'employed', has_cofounder: false } })

    // Eligibility: the hidden date is absent, so a rule on it fails.
    assert.equal(draft.state, 'ineligible')
    const evaluation = await ApplicationEvaluation.findOrFail(draft.evaluationId)
    assert.deepEqual(
      evaluation.result.rules.map((rule: { id: string; actual: unknown }) => [
        rule.id,
        rule.actual,
      ]),
      [['resigned_recently', null]]
    )

    // Read-only views (applicant, staff) leave the hidden fields and section out.
    const officer = await userWithRoles('programme_officer')
    for (const page of [
      await client.get(`/applications/${draft.id}`).loginAs(founder),
      await client.get(`/staff/applications/${draft.id}`).loginAs(officer),
    ]) {
      page.assertStatus(200)
      page.assertTextIncludes('En poste')
      assert.notInclude(page.text(), 'Date de démission')
      assert.notInclude(page.text(), 'Attestation de démission')
      assert.notInclude(page.text(), 'Cofondateur</h')
    }

    // The receipt does not list the document of a field that was not asked.
    const receipt = await client.get(`/applications/${draft.id}/receipt`).loginAs(founder)
    receipt.assertStatus(200)
    assert.notInclude(await pdfText(receipt.body() as Buffer), 'Attestation')

    // The CSV export has the column, empty for this application.
    const csv = await client.get(`/staff/calls/${call.id}/applications.csv`).loginAs(officer)
    const [header, row] = csv
      .text()
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')))
    const column = header.indexOf('Date de démission')
    assert.isAbove(column, 0)
    assert.equal(row[column], '')
  })

  test('a shown conditional field is required, then kept, shown, printed and eligible', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('living_grant', CONDITIONAL_FORM)
    await publishRules(call, RESIGNED_RULES)
    const refused = await submit(client, await userWithRoles('applicant'), call, {
      job: { status: 'resigned', has_cofounder: 'true' },
    })
    refused.response.assertStatus(422)
    assert.sameMembers(
      refused.response.body().errors.map((error: { field: string }) => error.field),
      ['job.resigned_on', 'cofounder.name']
    )

    const founder = await userWithRoles('applicant')
    const { draft, response } = await submit(client, founder, call, {
      job: { status: 'resigned', resigned_on: '2026-01-01', has_cofounder: 'false' },
    })
    response.assertStatus(201)
    assert.equal(draft.submittedAnswers!.job.resigned_on, '2026-01-01')
    assert.isNumber(draft.submittedAnswers!.job.proof)
    assert.equal(draft.state, 'eligible')

    const page = await client.get(`/applications/${draft.id}`).loginAs(founder)
    page.assertTextIncludes('Date de démission')
    page.assertTextIncludes('Attestation de démission')
    const receipt = await client.get(`/applications/${draft.id}/receipt`).loginAs(founder)
    assert.include(await pdfText(receipt.body() as Buffer), 'Attestation de démission')
  })

  test('a reviewer is not shown the answer of a question its applicant was not asked', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('living_grant', CONDITIONAL_FORM)
    await rubricOf(call)
    // Stored as an older version of the portal (or an import) would have kept it.
    const application = await submittedTo(call, {
      answers: {
        job: { status: 'employed', resigned_on: '2026-01-01', has_cofounder: false },
        cofounder: { name: 'Fantôme' },
      },
    })
    const reviewer = await userWithRoles('reviewer')
    const review = await assignedReview(application, reviewer)
    const page = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    page.assertStatus(200)
    page.assertTextIncludes('En poste')
    assert.notInclude(page.text(), 'Date de démission')
    assert.notInclude(page.text(), 'Fantôme')
  })

  test('API clients read which questions are conditional, and on what', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('living_grant', CONDITIONAL_FORM)
    const response = await client.get(`/api/v1/calls/${call.id}/form`)
    response.assertStatus(200)
    const [job, cofounder] = response.body().data.sections
    assert.isNull(job.visibleWhen)
    assert.isNull(job.fields[0].visibleWhen)
    assert.deepEqual(job.fields[1].visibleWhen, { field: 'job.status', equals: 'resigned' })
    assert.deepEqual(cofounder.visibleWhen, { field: 'job.has_cofounder', equals: true })
  })
})
