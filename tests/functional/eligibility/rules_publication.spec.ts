import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import ApplicationEvaluation from '#eligibility/models/application_evaluation'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import FormVersion from '#programmes/models/form_version'
import {
  MINIMAL_FORM,
  MINIMAL_RULES,
  openCallOf,
  publishRules,
} from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { submittedTo } from '#tests/functional/applications/staff_fixtures'
import { isolateEachTest } from '#tests/helpers/http'
import type Call from '#programmes/models/call'

function publish(client: ApiClient, call: Call) {
  return client
    .post(`/staff/calls/${call.id}/rules/publication`)
    .header('Referer', `/staff/calls/${call.id}/rules`)
    .withCsrfToken()
    .redirects(0)
}

function publicationAudits(callId: number) {
  return db.from('audit_logs').where({
    action: 'call.rules_published',
    subject_type: 'call',
    subject_id: String(callId),
  })
}

function workingCopy(call: Call, version = 1) {
  return RuleSetVersion.create({
    callId: call.id,
    version,
    rules: MINIMAL_RULES,
    publishedAt: null,
  })
}

test.group('Staff: publishing a call rules', (group) => {
  isolateEachTest(group)

  test('publishing makes the working copy the version in force, by whom and when, audited', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const draft = await workingCopy(call)

    const response = await publish(client, call).loginAs(officer)
    response.assertStatus(302)
    response.assertHeader('location', `/staff/calls/${call.id}/rules`)
    response.assertFlashMessage(
      'success',
      "Version 1 publiée. Les résultats enregistrés n'ont pas changé : réévaluez l'appel pour l'appliquer."
    )

    await draft.refresh()
    assert.isNotNull(draft.publishedAt)
    assert.equal(draft.publishedBy, officer.id)
    const audits = await publicationAudits(call.id)
    assert.lengthOf(audits, 1)
    assert.equal(audits[0].actor_id, officer.id)
    assert.deepEqual(audits[0].metadata, { version: 1, ruleSetVersionId: draft.id })

    const page = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    page.assertTextIncludes('Version en vigueur : 1')
    page.assertTextIncludes(officer.fullName)
    page.assertTextIncludes('<div id="reevaluation">')
    page.assertTextIncludes('réévaluez l&#x27;appel pour l&#x27;appliquer')
    assert.notInclude(page.text(), 'Publier la version')
  })

  test('publishing leaves every stored result as it is', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const v1 = await publishRules(call)
    const application = await submittedTo(call, {
      state: 'eligible',
      answers: { project: { name: 'Projet', amount: 90_000_000 } },
    })
    const evaluation = await ApplicationEvaluation.create({
      applicationId: application.id,
      ruleSetVersionId: v1.id,
      eligible: true,
      score: 50,
      result: { eligible: true, rules: [], score: 50, contributions: [] },
    })
    application.evaluationId = Number(evaluation.id)
    await application.save()
    await RuleSetVersion.create({
      callId: call.id,
      version: 2,
      rules: { eligibility: { all: [] }, scoring: [] },
      publishedAt: null,
    })

    const response = await publish(client, call).loginAs(officer)
    response.assertFlashMessage(
      'success',
      "Version 2 publiée. Les résultats enregistrés n'ont pas changé : réévaluez l'appel pour l'appliquer."
    )
    await application.refresh()
    assert.equal(application.state, 'eligible')
    assert.equal(application.evaluationId, Number(evaluation.id))
    const evaluations = await ApplicationEvaluation.query().where('application_id', application.id)
    assert.lengthOf(evaluations, 1)
  })

  test('there is nothing to publish without rules, or once the latest version is published', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const none = await publish(client, call).loginAs(officer)
    none.assertFlashMessage(
      'error',
      "Il n'y a rien à publier : aucune copie de travail non publiée."
    )

    const published = await publishRules(call)
    const publishedRow = await db.from('rule_set_versions').where('id', published.id).first()
    const again = await publish(client, call).loginAs(officer)
    again.assertFlashMessage(
      'error',
      "Il n'y a rien à publier : aucune copie de travail non publiée."
    )
    assert.deepEqual(
      await db.from('rule_set_versions').where('id', published.id).first(),
      publishedRow
    )
    assert.lengthOf(await publicationAudits(call.id), 0)
  })

  test('a working copy that no longer fits the form is not published', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const draft = await workingCopy(call)
    // The form changed since: the amount the rules read is gone.
    await FormVersion.create({
      callId: call.id,
      version: 2,
      definition: {
        sections: [{ ...MINIMAL_FORM.sections[0], fields: [MINIMAL_FORM.sections[0].fields[0]] }],
      },
      frozenAt: null,
    })

    const page = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    page.assertTextIncludes('La copie de travail ne correspond plus au formulaire actuel')
    page.assertTextIncludes(
      'eligibility.all[0].field : section &quot;project&quot; has no field &quot;amount&quot;'
    )
    assert.notInclude(page.text(), 'Publier la version')

    const response = await publish(client, call).loginAs(officer)
    response.assertFlashMessage(
      'error',
      'La copie de travail comporte des erreurs : elle ne peut pas être publiée.'
    )
    await draft.refresh()
    assert.isNull(draft.publishedAt)
    assert.lengthOf(await publicationAudits(call.id), 0)
  })
})
