import { test } from '@japa/runner'
import { checkRubric, checkScores, draftScores, weightedScore } from '#reviews/rubric'

const SETTINGS = {
  scaleMax: '5',
  reviewsPerApplication: '3',
  reviewDays: '14',
  disagreementThreshold: '15',
  awardThreshold: '60',
}

const CRITERIA = [
  { key: 'team', label: { fr: 'Équipe' }, guidance: {}, weight: 2 },
  { key: 'market', label: { fr: 'Marché' }, guidance: {}, weight: 1 },
]

test.group('Rubric checking', () => {
  test('a repeatable form is normalized, blank rows ignored', ({ assert }) => {
    const { rubric, problems } = checkRubric({
      ...SETTINGS,
      criteria: {
        0: { key: ' team ', weight: '2,5', label: { fr: 'Équipe', ar: 'الفريق', en: '' } },
        1: { key: '', weight: '', label: { fr: '' }, guidance: { fr: '' } },
      },
    })
    assert.deepEqual(problems, [])
    assert.equal(rubric!.scaleMax, 5)
    assert.deepEqual(rubric!.criteria, [
      { key: 'team', weight: 2.5, label: { fr: 'Équipe', ar: 'الفريق' }, guidance: {} },
    ])
  })

  test('every problem is reported with its exact path', ({ assert }) => {
    const { rubric, problems } = checkRubric({
      ...SETTINGS,
      scaleMax: '0',
      reviewDays: '2.5',
      criteria: [
        { key: 'Team!', weight: '0', label: { en: 'Team' } },
        { key: 'market', weight: 1, label: { fr: 'Marché' } },
        { key: 'market', weight: 1, label: { fr: 'Marché' } },
      ],
    })
    assert.isNull(rubric)
    assert.deepEqual(
      problems.map((problem) => `${problem.field} ${problem.message}`),
      [
        'scaleMax rubrics.errors.between',
        'reviewDays rubrics.errors.integer',
        'criteria.0.key rubrics.errors.key_format',
        'criteria.0.weight rubrics.errors.weight',
        'criteria.0.label.fr rubrics.errors.label_required',
        'criteria.2.key rubrics.errors.key_duplicate',
      ]
    )
  })

  test('a rubric needs at least one criterion', ({ assert }) => {
    const { problems } = checkRubric({ ...SETTINGS, criteria: [] })
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['criteria']
    )
  })
})

test.group('Review scores', () => {
  test('a draft keeps what was typed for the rubric’s criteria only', ({ assert }) => {
    const scores = draftScores(CRITERIA, {
      team: { score: '4,5', comment: '  Solide  ' },
      market: { score: 'abc' },
      other: { score: 3 },
    })
    assert.deepEqual(scores, {
      team: { score: 4.5, comment: 'Solide' },
      market: { score: null, comment: '' },
    })
  })

  test('submission needs every criterion scored within the scale', ({ assert }) => {
    const problems = checkScores(CRITERIA, 5, {
      team: { score: 6, comment: '' },
      market: { score: null, comment: '' },
    })
    assert.deepEqual(
      problems.map((problem) => `${problem.field} ${problem.message}`),
      [
        'scores.team.score reviewing.errors.score_between',
        'scores.market.score reviewing.errors.score_required',
      ]
    )
  })

  test('the weighted score is the weighted mean mapped onto 0–100', ({ assert }) => {
    // (2×4 + 1×1) / 3 = 3 out of 5 → 60
    assert.equal(
      weightedScore(CRITERIA, 5, {
        team: { score: 4, comment: '' },
        market: { score: 1, comment: '' },
      }),
      60
    )
    assert.equal(
      weightedScore(CRITERIA, 5, {
        team: { score: 5, comment: '' },
        market: { score: 5, comment: '' },
      }),
      100
    )
    assert.equal(
      weightedScore(CRITERIA, 3, {
        team: { score: 2, comment: '' },
        market: { score: 1, comment: '' },
      }),
      55.556
    )
  })
})
