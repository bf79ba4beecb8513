import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import ApplicationEvaluation from '#eligibility/models/application_evaluation'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { draftTo, submittedTo } from '#tests/functional/applications/staff_fixtures'
import { isolateEachTest } from '#tests/helpers/http'
import { DRY_RUN_BATCH } from '#eligibility/actions/dry_run_rule_set'
import { countQueries } from '#tests/helpers/queries'
import type Call from '#programmes/models/call'
import type { ApplicationState } from '#applications/application_lifecycle'
import type { RuleSet } from '#eligibility/rule_set'

/**
 * The working copy tried: at most 400 000 MAD; 100 points under 200 000 MAD, 40 up to
 * 500 000 MAD, 60 above.
 */
const TRIED: RuleSet = {
  eligibility: {
    all: [
      {
        id: 'ceiling',
        field: 'project.amount',
        operator: 'lte',
        value: { mad: 400_000 },
        message: { fr: 'Au plus 400 000 MAD.' },
      },
    ],
  },
  scoring: [
    {
      id: 'amount',
      label: { fr: 'Montant demandé' },
      field: 'project.amount',
      weight: 100,
      bands: [
        { max: { mad: 200_000 }, points: 1 },
        { min: { mad: 200_000 }, max: { mad: 500_000 }, points: 0.4 },
        { min: { mad: 500_000 }, points: 0.6 },
      ],
    },
  ],
}

/** A submitted application asking `mad` dirhams, with its stored evaluation if given. */
async function applicationAsking(
  call: Call,
  ruleSet: RuleSetVersion,
  mad: number,
  stored: { eligible: boolean; score: number } | null,
  state?: ApplicationState
) {
  const application = await submittedTo(call, {
    answers: { project: { name: `Projet ${mad}`, amount: mad * 100 } },
    state: state ?? (stored ? (stored.eligible ? 'eligible' : 'ineligible') : 'submitted'),
  })
  if (stored) {
    const evaluation = await ApplicationEvaluation.create({
      applicationId: application.id,
      ruleSetVersionId: ruleSet.id,
      eligible: stored.eligible,
      score: stored.score,
      result: { eligible: stored.eligible, rules: [], score: stored.score, contributions: [] },
    })
    application.evaluationId = Number(evaluation.id)
    await application.save()
  }
  return application
}

/** Everything a dry run must leave alone. */
async function snapshot(callId: number) {
  const ofCall = db.from('applications').where('call_id', callId).select('id')
  const [evaluations, audits, versions, applications] = await Promise.all([
    db.from('application_evaluations').whereIn('application_id', ofCall).orderBy('id'),
    db
      .from('audit_logs')
      .where((query) =>
        query
          .where({ subject_type: 'call', subject_id: String(callId) })
          .orWhere((inner) =>
            inner
              .where('subject_type', 'application')
              .whereIn(
                'subject_id',
                db.from('applications').where('call_id', callId).select(db.raw('id::text'))
              )
          )
      )
      .count('* as total')
      .first(),
    db.from('rule_set_versions').where('call_id', callId).orderBy('id'),
    db
      .from('applications')
      .where('call_id', callId)
      .orderBy('id')
      .select('id', 'state', 'evaluation_id', 'updated_at'),
  ])
  return { evaluations, audits, versions, applications }
}

function dryRun(client: ApiClient, callId: number) {
  return client.post(`/staff/calls/${callId}/rules/dry_run`).withCsrfToken()
}

test.group('Staff: dry run of a call rules', (group) => {
  isolateEachTest(group)

  test('compares the working copy with the stored evaluations, exactly, and writes nothing', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const v1 = await publishRules(call)
    await RuleSetVersion.create({ callId: call.id, version: 2, rules: TRIED, publishedAt: null })

    // Stored (v1) → tried: verdict, score.
    await applicationAsking(call, v1, 50_000, { eligible: true, score: 100 }) // → eligible 100 (0)
    await applicationAsking(call, v1, 300_000, { eligible: true, score: 50 }) // → eligible 40 (−10)
    await applicationAsking(call, v1, 800_000, { eligible: false, score: 50 }) // → ineligible 60 (+10)
    const lowered = await applicationAsking(call, v1, 450_000, { eligible: true, score: 50 }) // → ineligible 40 (−10)
    await applicationAsking(call, v1, 100_000, null) // never evaluated → eligible 100
    const raised = await applicationAsking(call, v1, 380_000, { eligible: false, score: 10 }) // → eligible 40 (+30)
    // Neither a draft nor a withdrawn application is looked at.
    await draftTo(call, 'Brouillon')
    await applicationAsking(call, v1, 10_000, { eligible: false, score: 0 }, 'withdrawn')

    const before = await snapshot(call.id)
    const page = await dryRun(client, call.id).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('Résultat de l&#x27;essai à blanc')
    page.assertTextIncludes('Copie de travail, version 2')
    page.assertTextIncludes('6 candidatures soumises examinées.')
    page.assertTextIncludes('1 n&#x27;a pas encore d&#x27;évaluation enregistrée.')
    page.assertTextIncludes('data-figure="eligible-now">4 sur 6</dd>')
    page.assertTextIncludes('data-figure="eligible-before">3 sur 5</dd>')
    page.assertTextIncludes('data-figure="become-eligible" class="rules-rise">1</dd>')
    page.assertTextIncludes('data-figure="become-ineligible" class="rules-drop">1</dd>')
    page.assertTextIncludes('data-figure="average-now">63,33</dd>')
    page.assertTextIncludes('data-figure="average-before">52</dd>')

    const counts = [...page.text().matchAll(/data-bucket="(\w+)"[\s\S]*?value="(\d+)"/g)].map(
      (match) => [match[1], Number(match[2])]
    )
    assert.deepEqual(counts, [
      ['drop_large', 0],
      ['drop', 2],
      ['steady', 1],
      ['rise', 1],
      ['rise_large', 1],
    ])

    // The two whose verdict changes, in id order, each with its old and new verdict.
    const changes = page.text().split('<tbody>')[1]?.split('</tbody>')[0] ?? ''
    const references = [...changes.matchAll(/dir="ltr">(SM-\d{4}-\d{6})<\/a>/g)].map((m) => m[1])
    assert.deepEqual(references, [lowered.reference, raised.reference])
    assert.include(changes, 'score 50')
    assert.include(changes, 'score 40')

    assert.deepEqual(await snapshot(call.id), before)
  })

  test('without any rules saved, the starter is tried: everyone eligible, score 0', async ({
    client,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await submittedTo(call, { answers: { project: { name: 'Projet', amount: 100 } } })
    const page = await dryRun(client, call.id).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('Point de départ (aucune règle enregistrée)')
    page.assertTextIncludes('data-figure="eligible-now">1 sur 1</dd>')
    page.assertTextIncludes('data-figure="average-before">—</dd>')
    page.assertTextIncludes('Aucun verdict ne changerait.')
  })

  test('a call with more applications than a batch is read whole, in batches', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await RuleSetVersion.create({ callId: call.id, version: 1, rules: TRIED, publishedAt: null })
    const form = await db.from('form_versions').where('call_id', call.id).firstOrFail()
    const total = DRY_RUN_BATCH + 5
    // Many applicants at once, straight in SQL: one application each (one per person).
    await db.rawQuery(
      `WITH applicants AS (
         INSERT INTO users (email, password, full_name, roles, created_at, updated_at)
         SELECT 'dry-run-' || n || '-' || ? || '@example.ma', 'x', 'Candidat ' || n,
                '{applicant}', now(), now()
         FROM generate_series(1, ?) AS n
         RETURNING id
       )
       INSERT INTO applications (call_id, applicant_id, state, answers, reference, form_version_id,
                                 submitted_answers, submitted_at, created_at, updated_at)
       SELECT ?, id, 'submitted', '{}', 'DR-' || ? || '-' || id, ?,
              jsonb_build_object('project', jsonb_build_object('amount', (id % 2) * 90000000)),
              now(), now(), now()
       FROM applicants`,
      [call.id, total, call.id, call.id, form.id]
    )
    const { result: page, queries } = await countQueries(() =>
      dryRun(client, call.id).loginAs(officer)
    )
    page.assertStatus(200)
    assert.match(page.text(), new RegExp(`data-figure="eligible-now">\\d+ sur ${total}</dd>`))
    const batches = queries.filter((sql) => sql.includes('left join "application_evaluations"'))
    assert.lengthOf(batches, 2)
  })
})
