import { test } from '@japa/runner'
import fc from 'fast-check'
import db from '@adonisjs/lucid/services/db'
import { YOUTH_COHORT_RULES } from '#database/rules/youth_cohort'
import { cohortOf, enrolmentAnswers } from '#database/factories/training_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { enrolmentForm } from '#training/enrolment_form'
import { isolateEachTest } from '#tests/helpers/http'

const anyInput = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true })

/** Inputs shaped like the enrolment form, each field any value, or a valid answer. */
function formShapedInput() {
  const valid = enrolmentAnswers().trainee as Record<string, unknown>
  const [section] = enrolmentForm().sections
  return fc.record({
    [section.key]: fc.record(
      Object.fromEntries(
        section.fields.map((field) => [
          field.key,
          fc.oneof(fc.constant(valid[field.key]), anyInput, fc.string(), fc.integer()),
        ])
      ),
      { requiredKeys: [] }
    ),
  })
}

async function writtenFor(cohortId: number) {
  const cohort = await db.from('cohorts').where('id', cohortId).select('seats_taken').first()
  const rows = await db.from('enrolments').where('cohort_id', cohortId).select('state')
  return { seats: cohort.seats_taken as number, rows }
}

test.group('Enrolment / fuzzed answers', (group) => {
  isolateEachTest(group)

  test('any answers give 201 or 422, never a 500, and a refused enrolment writes nothing (1 000 runs)', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ eligibilityRules: YOUTH_COHORT_RULES, capacity: 5 })
    const trainee = await userWithRoles('trainee')
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: fc.constant(enrolmentAnswers()), weight: 1 },
          { arbitrary: formShapedInput(), weight: 6 },
          { arbitrary: anyInput, weight: 3 }
        ),
        async (answers) => {
          const response = await client
            .post(`/training/cohorts/${cohort.id}/enrolments`)
            .json({ answers })
            .header('accept', 'application/json')
            .loginAs(trainee)
            .withCsrfToken()
          const status = response.status()
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          assert.oneOf(status, [201, 422], JSON.stringify(response.body()))
          const written = await writtenFor(cohort.id)
          if (status === 422) {
            assert.lengthOf(written.rows, 0)
            assert.equal(written.seats, 0)
          } else {
            assert.lengthOf(written.rows, 1)
            const accepted = written.rows[0].state === 'accepted'
            assert.oneOf(written.rows[0].state, ['accepted', 'ineligible'])
            assert.equal(written.seats, accepted ? 1 : 0)
            // Start the next run from a clean cohort.
            await db.from('enrolments').where('cohort_id', cohort.id).delete()
            await db.from('cohorts').where('id', cohort.id).update({ seats_taken: 0 })
          }
        }
      ),
      { numRuns: 1000 }
    )
    // The generator reaches both outcomes, so both branches were checked.
    assert.isAbove(statuses.get(201) ?? 0, 0)
    assert.isAbove(statuses.get(422) ?? 0, 0)
  }).timeout(240_000)
})
