import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ApplicationEvaluation from '#eligibility/models/application_evaluation'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { draftOf } from '#database/factories/application_factory'
import { isolateEachTest } from '#tests/helpers/http'
import type User from '#identity/models/user'
import type Call from '#programmes/models/call'

async function submitted(client: any, founder: User, call: Call, amount: string) {
  const draft = await draftOf(founder, call, { project: { name: 'Argan AI', amount } })
  const response = await client
    .post(`/applications/${draft.id}/submission`)
    .accept('json')
    .json({})
    .loginAs(founder)
    .withCsrfToken()
  response.assertStatus(201)
  await draft.refresh()
  return draft
}

test.group('Screening on submission', (group) => {
  isolateEachTest(group)

  test('with published rules, an application meeting them becomes eligible with its score', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const rules = await publishRules(call)
    const founder = await userWithRoles('applicant')
    const application = await submitted(client, founder, call, '50 000')

    assert.equal(application.state, 'eligible')
    const evaluation = await ApplicationEvaluation.findOrFail(application.evaluationId)
    assert.equal(evaluation.ruleSetVersionId, rules.id)
    assert.isTrue(evaluation.eligible)
    assert.equal(evaluation.score, 100)
    const steps = await db
      .from('audit_logs')
      .where({ subject_type: 'application', subject_id: String(application.id) })
      .whereNotNull('to_state')
      .orderBy('id')
      .select('to_state')
    assert.deepEqual(
      steps.map((step) => step.to_state),
      ['submitted', 'screening', 'eligible']
    )
  })

  test('an application failing a rule is ineligible and its applicant reads why', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    await publishRules(call)
    const founder = await userWithRoles('applicant')
    const application = await submitted(client, founder, call, '900 000')
    assert.equal(application.state, 'ineligible')

    const page = await client.get(`/applications/${application.id}`).loginAs(founder)
    page.assertTextIncludes('Le montant demandé ne peut dépasser 500 000 MAD.')
    page.assertTextIncludes('<span class="badge red">Non éligible</span>')
    assert.notInclude(page.text(), 'Score automatique', 'the applicant does not see the score')

    const officer = await userWithRoles('programme_officer')
    const staffPage = await client.get(`/staff/applications/${application.id}`).loginAs(officer)
    staffPage.assertTextIncludes('Score automatique')
    staffPage.assertTextIncludes('Montant demandé')
  })

  test('without published rules the application waits, submitted', async ({ client, assert }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const application = await submitted(client, founder, call, '900 000')
    assert.equal(application.state, 'submitted')
    assert.isNull(application.evaluationId)
  })
})
