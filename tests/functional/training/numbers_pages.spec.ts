import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { CloseCohort } from '#training/actions/close_cohort'
import { nationalAiTarget, trainingNumbers } from '#training/training_numbers'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { attend, coordinatorOf, runningCohort } from '#tests/functional/training/institute_fixtures'

/** Two institutes: an AI cohort (2 of 3 certified) and a cloud cohort (1 of 1 certified). */
async function twoInstitutes() {
  const a = await coordinatorOf()
  const b = await coordinatorOf()
  const ai = await runningCohort({ institute: a.institute, held: 2, trainees: [{}, {}, {}] })
  const cloud = await runningCohort({
    institute: b.institute,
    held: 1,
    course: { track: 'cloud' },
  })
  await db
    .from('enrolments')
    .where('id', ai.enrolments[2].id)
    .update({ gender: 'male', region: null })
  await attend(
    ai.heldIds,
    ai.enrolments.slice(0, 2).map((e) => e.id),
    a.coordinator.id
  )
  await attend(cloud.heldIds, [cloud.enrolments[0].id], b.coordinator.id)
  await db.from('enrolments').update({ assessment_passed: true })
  await new CloseCohort().handle(ai.cohort.id, { id: a.coordinator.id })
  await new CloseCohort().handle(cloud.cohort.id, { id: b.coordinator.id })
  return { a, b }
}

test.group('Training numbers', (group) => {
  isolateEachTest(group)

  test('enrolled, completed and certified trainees by track, region and gender in one query', async ({
    assert,
  }) => {
    const { a } = await twoInstitutes()
    const { result: national, queries } = await countQueries(() => trainingNumbers())
    assert.lengthOf(queries, 1)
    assert.deepEqual(national.total, { enrolled: 4, completed: 3, certified: 3 })
    assert.deepEqual(national.byTrack, [
      { key: 'ai', enrolled: 3, completed: 2, certified: 2 },
      { key: 'cloud', enrolled: 1, completed: 1, certified: 1 },
    ])
    assert.deepEqual(national.byGender, [
      { key: 'female', enrolled: 3, completed: 3, certified: 3 },
      { key: 'male', enrolled: 1, completed: 0, certified: 0 },
    ])
    assert.deepEqual(national.byRegion, [
      { key: 'souss_massa', enrolled: 3, completed: 3, certified: 3 },
      { key: 'unknown', enrolled: 1, completed: 0, certified: 0 },
    ])
    const own = await trainingNumbers(a.institute.id)
    assert.deepEqual(own.total, { enrolled: 3, completed: 2, certified: 2 })
    assert.deepEqual(await nationalAiTarget(), { certifiedInAi: 2, target: 100_000, percent: 0 })
  })

  test('a revoked certificate no longer counts', async ({ assert }) => {
    await twoInstitutes()
    const [first] = await db.from('certificates').orderBy('id').limit(1)
    await db.from('certificates').where('id', first.id).update({
      revoked_at: new Date(),
      revocation_reason: 'Erreur',
    })
    const numbers = await trainingNumbers()
    assert.equal(numbers.total.certified, 2)
  })

  test('the public page shows the national numbers, the AI target and accessible tables', async ({
    client,
    assert,
  }) => {
    await twoInstitutes()
    const { result: response, queries } = await countQueries(() => client.get('/training/numbers'))
    response.assertStatus(200)
    const text = response.text()
    assert.include(text, 'Objectif national')
    assert.include(text, '2 personnes certifiées en IA sur 100')
    assert.include(text, '<caption class="visually-hidden">Par filière</caption>')
    assert.include(text, 'Souss-Massa')
    // The numbers, the target: nothing per row.
    assert.lengthOf(queries, 2)
  })

  test('the coordinator sees their own institute’s numbers', async ({ client, assert }) => {
    const { b } = await twoInstitutes()
    const response = await client.get('/institute').loginAs(b.coordinator)
    response.assertStatus(200)
    assert.include(response.text(), '1 inscrits, 1 ont réussi, 1 certifiés')
  })
})
