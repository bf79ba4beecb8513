import { test } from '@japa/runner'
import { buildAgenda } from '#reviews/agenda'

const scored = (applicationId: number, normalizedScore: number, disagreement = false) => ({
  applicationId,
  normalizedScore,
  disagreement,
})

test.group('Agenda of a committee session', () => {
  test('disagreements first, then borderline scores closest to the threshold; others left out', ({
    assert,
  }) => {
    const agenda = buildAgenda(
      [
        scored(1, 90),
        scored(2, 63),
        scored(3, 40, true),
        scored(4, 59),
        scored(5, 66),
        scored(6, 55),
      ],
      60
    )
    assert.deepEqual(agenda, [
      { applicationId: 3, position: 1, reason: 'disagreement' },
      { applicationId: 4, position: 2, reason: 'borderline' },
      { applicationId: 2, position: 3, reason: 'borderline' },
      { applicationId: 6, position: 4, reason: 'borderline' },
    ])
  })

  test('the others come last when the officer asks for them', ({ assert }) => {
    const agenda = buildAgenda([scored(1, 90), scored(2, 61), scored(3, 20)], 60, {
      includeOthers: true,
    })
    assert.deepEqual(
      agenda.map((item) => [item.applicationId, item.reason]),
      [
        [2, 'borderline'],
        [1, 'other'],
        [3, 'other'],
      ]
    )
  })
})
