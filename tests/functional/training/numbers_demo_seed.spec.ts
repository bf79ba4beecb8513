import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { InstituteFactory } from '#database/factories/training_factory'
import { seedTrainingResults } from '#database/demo/training_results'
import { nationalAiTarget, trainingNumbers } from '#training/training_numbers'
import { isolateEachTest } from '#tests/helpers/http'

test.group('Demo seed: training results', (group) => {
  isolateEachTest(group)

  test('the demo cohort is closed with four certified trainees, so the numbers are not empty', async ({
    assert,
  }) => {
    const institute = await InstituteFactory.create()
    await UserFactory.merge({
      email: 'coordinator@manassa.test',
      roles: ['institute_coordinator'],
      instituteId: institute.id,
    }).create()
    await db.transaction((client) => seedTrainingResults(client))

    const numbers = await trainingNumbers(institute.id)
    assert.deepEqual(numbers.total, { enrolled: 6, completed: 4, certified: 4 })
    const target = await nationalAiTarget()
    assert.equal(target.certifiedInAi, 4)
    const locales = await db.from('certificates').orderBy('locale').select('locale')
    assert.deepEqual(
      locales.map((row) => row.locale),
      ['ar', 'en', 'fr', 'zgh']
    )
  })
})
