import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { seedTrainingCatalogue } from '#database/demo/training_catalogue'
import { TRACKS } from '#training/catalogue'
import { isolateEachTest } from '#tests/helpers/http'

async function htmlOf(request: PromiseLike<ApiResponse>) {
  const response = await request
  return response.text()
}

test.group('Training catalogue / demo data', (group) => {
  isolateEachTest(group)

  test('the demo seed fills the catalogue: four institutes in four regions, every track', async ({
    client,
    assert,
  }) => {
    await db.transaction((trx) => seedTrainingCatalogue(trx))
    const html = await htmlOf(client.get('/training'))
    assert.include(html, 'Institut Jazari Casablanca-Settat')
    for (const region of ['Casablanca-Settat', 'Souss-Massa', 'Oriental', 'Fès-Meknès']) {
      assert.include(html, region)
    }
    const tracks = await db
      .from('cohorts')
      .join('courses', 'courses.id', 'cohorts.course_id')
      .where('cohorts.state', 'open')
      .distinct('courses.track')
    assert.sameMembers(
      tracks.map((row) => row.track),
      [...TRACKS]
    )
  })
})
