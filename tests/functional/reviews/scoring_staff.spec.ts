import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import CallRubric from '#reviews/models/call_rubric'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { rubricOf, scoresOf, submittedReview } from '#database/factories/scoring_factory'
import { RecomputeAggregates } from '#reviews/actions/recompute_aggregates'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { STAFF_FORM, submittedTo } from '#tests/functional/applications/staff_fixtures'
import { callUnderReview } from '#tests/functional/reviews/scoring_fixtures'

const VALID = {
  scaleMax: 5,
  reviewsPerApplication: 3,
  reviewDays: 10,
  disagreementThreshold: 12.5,
  awardThreshold: 65,
  criteria: [
    {
      key: 'team',
      weight: 2,
      label: { fr: 'Équipe', ar: 'الفريق' },
      guidance: { fr: 'Expérience' },
    },
    { key: 'impact', weight: 1, label: { fr: 'Impact' } },
  ],
}

test.group('Rubric: programme officers', (group) => {
  isolateEachTest(group)

  test('an officer saves a rubric from the repeatable form', async ({ client, assert }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const page = await client.get(`/staff/calls/${call.id}/rubric`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('name="criteria[0][label][zgh]"')

    const response = await client
      .put(`/staff/calls/${call.id}/rubric`)
      .form({
        'scaleMax': '5',
        'reviewsPerApplication': '3',
        'reviewDays': '10',
        'disagreementThreshold': '12,5',
        'awardThreshold': '65',
        // As a browser posts the repeatable rows; the second one left blank.
        'criteria[0][key]': 'team',
        'criteria[0][weight]': '2',
        'criteria[0][label][fr]': 'Équipe',
        'criteria[0][label][ar]': 'الفريق',
        'criteria[0][guidance][fr]': 'Expérience',
        'criteria[1][key]': '',
        'criteria[1][weight]': '',
        'criteria[1][label][fr]': '',
      })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const rubric = await CallRubric.findByOrFail('call_id', call.id)
    assert.equal(rubric.disagreementThreshold, 12.5)
    assert.deepEqual(rubric.criteria, [
      {
        key: 'team',
        weight: 2,
        label: { fr: 'Équipe', ar: 'الفريق' },
        guidance: { fr: 'Expérience' },
      },
    ])
    const audit = await db
      .from('audit_logs')
      .where({ action: 'rubric.created', subject_id: String(call.id) })
      .first()
    assert.exists(audit)
  })

  test('an invalid rubric is a 422 with precise messages in the officer’s language', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    officer.preferredLocale = 'en'
    await officer.save()
    const response = await client
      .put(`/staff/calls/${call.id}/rubric`)
      .json({
        ...VALID,
        scaleMax: 0,
        criteria: [
          { key: 'team', weight: 0, label: { fr: 'Équipe' } },
          { key: 'team', weight: 1, label: {} },
        ],
      })
      .header('Accept', 'application/json')
      .header('Accept-Language', 'en')
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(422)
    assert.deepEqual(
      response
        .body()
        .errors.map(
          (error: { field: string; message: string }) => `${error.field}: ${error.message}`
        ),
      [
        'scaleMax: Enter a value between 1 and 100.',
        'criteria.0.weight: The weight is a number above 0, at most 100.',
        'criteria.1.key: The key "team" is already used by another criterion.',
        'criteria.1.label.fr: The French label is required.',
      ]
    )
    assert.isNull(await CallRubric.findBy('call_id', call.id))
  })

  test('the rubric is locked once a review is submitted', async ({ client, assert }) => {
    const { call, application } = await callUnderReview()
    await submittedReview(application, await userWithRoles('reviewer'), scoresOf(3, 3))
    const officer = await userWithRoles('programme_officer')
    const response = await client
      .put(`/staff/calls/${call.id}/rubric`)
      .json(VALID)
      .header('Accept', 'application/json')
      .header('Accept-Language', 'fr')
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(409)
    assert.equal(
      response.body().errors[0].message,
      'La grille est verrouillée : une évaluation a déjà été soumise pour cet appel.'
    )
    const rubric = await CallRubric.findByOrFail('call_id', call.id)
    assert.equal(rubric.criteria[0].key, 'team')
    assert.equal(rubric.scaleMax, 5)
  })

  test('reviewers and applicants cannot see or change rubrics and scores; guests go to login', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    for (const outsider of [await userWithRoles('reviewer'), await userWithRoles('applicant')]) {
      for (const response of [
        await client.get(`/staff/calls/${call.id}/rubric`).loginAs(outsider),
        await client
          .put(`/staff/calls/${call.id}/rubric`)
          .form({})
          .loginAs(outsider)
          .withCsrfToken(),
        await client.get(`/staff/calls/${call.id}/scores`).loginAs(outsider),
      ]) {
        assert.equal(response.status(), 403)
      }
    }
    for (const url of [`/staff/calls/${call.id}/rubric`, `/staff/calls/${call.id}/scores`]) {
      const response = await client.get(url).redirects(0)
      assert.equal(response.header('location'), '/login')
    }
    assert.isNull(await CallRubric.findBy('call_id', call.id))
  })
})

test.group('Scores: programme officers', (group) => {
  isolateEachTest(group)

  test('the scores page lists progress, mean, spread, normalized and flags, sorted, in a fixed number of queries', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', STAFF_FORM)
    const rubric = await rubricOf(call)
    const harsh = await userWithRoles('reviewer')
    const lenient = await userWithRoles('reviewer')
    const officer = await userWithRoles('programme_officer')

    async function page() {
      return countQueries(() => client.get(`/staff/calls/${call.id}/scores`).loginAs(officer))
    }
    const applications = []
    for (let index = 0; index < 3; index++) {
      const application = await submittedTo(call, { title: `Dossier ${index}` })
      applications.push(application)
      await submittedReview(application, harsh, scoresOf(index, index))
      await submittedReview(application, lenient, scoresOf(index + 3, index + 3))
    }
    await db.transaction((trx) =>
      new RecomputeAggregates().handle(call.id, rubric.disagreementThreshold, trx)
    )
    const small = await page()
    small.result.assertStatus(200)
    const html = small.result.text()
    assert.include(html, 'class="score-spread"')
    assert.include(html, 'Désaccord')
    // Sorted by normalized score, best first.
    const positions = applications.map((application) => html.indexOf(application.reference!))
    assert.isTrue(positions.every((position) => position > 0))
    assert.isTrue(positions[2] < positions[1] && positions[1] < positions[0])

    for (let index = 0; index < 5; index++) {
      const application = await submittedTo(call)
      await submittedReview(application, harsh, scoresOf(2, 2))
    }
    const large = await page()
    assert.equal(large.queries.length, small.queries.length)
  })
})
