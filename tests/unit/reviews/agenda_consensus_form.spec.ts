import { test } from '@japa/runner'
import { agendaItemsOf } from '#reviews/validators/committee_sessions'

test.group('The agenda consensus form', () => {
  test('an item left blank is null, so that errors keep the index of their item', ({ assert }) => {
    const filled = { id: '4', consensus_score: '70', recommendation: 'award', rationale: 'x' }
    assert.deepEqual(
      agendaItemsOf({
        items: [filled, { id: '5', consensus_score: null, recommendation: '', rationale: ' ' }],
      }),
      { items: [filled, null] }
    )
  })

  test('more than 20 items, which the form parser hands over keyed by index, read back as a list', ({
    assert,
  }) => {
    const items = Array.from({ length: 25 }, (_, index) => ({
      id: String(index + 1),
      consensus_score: '50',
      recommendation: 'reject',
      rationale: 'Une justification suffisante.',
    }))
    const parsed = Object.fromEntries(items.map((item, index) => [String(index), item]))
    assert.deepEqual(agendaItemsOf({ items: parsed }), { items })
  })

  test('an object with keys that are not agenda positions is left for the validator to refuse', ({
    assert,
  }) => {
    const body = { items: { 99999: { id: '1' } } }
    assert.strictEqual(agendaItemsOf(body), body)
  })
})
