import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import { cohortOf, enrolmentIn, InstituteFactory } from '#database/factories/training_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'

/** The HTML of a page (the request is sent when awaited). */
async function htmlOf(request: PromiseLike<ApiResponse>) {
  const response = await request
  return response.text()
}

async function expectStatus(request: PromiseLike<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
  return response
}

test.group('Training catalogue / public pages', (group) => {
  isolateEachTest(group)

  test('anyone sees the open cohorts with institute, region, track, dates and seats left', async ({
    client,
    assert,
  }) => {
    const institute = await InstituteFactory.merge({
      name: 'Institut Jazari Souss',
      city: 'Agadir',
      region: 'souss_massa',
    }).create()
    const cohort = await cohortOf(
      { capacity: 25, seatsTaken: 7, startsOn: DateTime.fromISO('2027-03-01') },
      {
        institute,
        course: {
          title: { fr: 'Sécurité des réseaux', en: 'Network security' },
          track: 'cybersecurity',
        },
      }
    )
    await cohortOf({}, { course: { title: { fr: 'Brouillon caché' } } }).then(async (draft) => {
      draft.state = 'draft'
      await draft.save()
    })

    const response = await client.get('/training')
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Sécurité des réseaux')
    assert.include(html, `href="/training/cohorts/${cohort.id}"`)
    assert.include(html, 'Institut Jazari Souss')
    assert.include(html, 'Agadir')
    assert.include(html, 'Souss-Massa')
    assert.include(html, 'Cybersécurité')
    assert.include(html, '18 places restantes')
    assert.include(html, '1 mars 2027')
    assert.notInclude(html, 'Brouillon caché')
  })

  test('the course title is shown in the visitor’s language', async ({ client, assert }) => {
    await cohortOf(
      {},
      { course: { title: { fr: 'Science des données', en: 'Data science basics' } } }
    )
    const response = await client.get('/training').header('accept-language', 'en')
    assert.include(response.text(), 'Data science basics')
  })

  test('closed enrolment and closing dates in the past leave the catalogue', async ({
    client,
    assert,
  }) => {
    await cohortOf(
      { enrolmentClosesAt: DateTime.utc().minus({ minutes: 1 }) },
      { course: { title: { fr: 'Déjà close' } } }
    )
    await cohortOf({ state: 'running' }, { course: { title: { fr: 'En cours' } } })
    const html = await htmlOf(client.get('/training'))
    assert.notInclude(html, 'Déjà close')
    assert.notInclude(html, 'En cours')
  })

  test('filters by region, track, language and start dates', async ({ client, assert }) => {
    const oriental = await InstituteFactory.merge({ region: 'oriental' }).create()
    await cohortOf(
      { startsOn: DateTime.fromISO('2027-01-10') },
      {
        institute: oriental,
        course: { title: { fr: 'Cloud Oujda' }, track: 'cloud', language: 'ar' },
      }
    )
    await cohortOf(
      { startsOn: DateTime.fromISO('2027-05-10') },
      { course: { title: { fr: 'IA Casablanca' }, track: 'ai', language: 'fr' } }
    )

    const byRegion = await htmlOf(client.get('/training').qs({ region: 'oriental' }))
    assert.include(byRegion, 'Cloud Oujda')
    assert.notInclude(byRegion, 'IA Casablanca')

    const byTrack = await htmlOf(client.get('/training').qs({ track: 'ai' }))
    assert.include(byTrack, 'IA Casablanca')
    assert.notInclude(byTrack, 'Cloud Oujda')

    const byLanguage = await htmlOf(client.get('/training').qs({ language: 'ar' }))
    assert.include(byLanguage, 'Cloud Oujda')
    assert.notInclude(byLanguage, 'IA Casablanca')

    const byDates = await htmlOf(
      client.get('/training').qs({ from: '2027-04-01', to: '2027-06-01' })
    )
    assert.include(byDates, 'IA Casablanca')
    assert.notInclude(byDates, 'Cloud Oujda')
  })

  test('a hand-edited filter is ignored rather than failing the page', async ({
    client,
    assert,
  }) => {
    await cohortOf({}, { course: { title: { fr: 'Toujours là' } } })
    const response = await client
      .get('/training')
      .qs({ region: 'atlantis', from: 'hier', page: '-3' })
    response.assertStatus(200)
    assert.include(response.text(), 'Toujours là')
  })

  test('the catalogue is paginated with a fixed number of queries whatever the number of cohorts', async ({
    client,
    assert,
  }) => {
    const institute = await InstituteFactory.create()
    for (let i = 0; i < 3; i++) await cohortOf({}, { institute })
    const few = await countQueries(() => client.get('/training'))
    for (let i = 0; i < 22; i++) await cohortOf({}, { institute })
    const many = await countQueries(() => client.get('/training'))
    assert.equal(many.queries.length, few.queries.length)
    assert.isAtMost(many.queries.length, 2)
    const html = many.result.text()
    assert.include(html, '25 cohortes ouvertes')
    assert.include(html, 'rel="next"')
    const second = await client.get('/training').qs({ page: 2 })
    assert.equal((second.text().match(/class="card call-card cohort-card"/g) ?? []).length, 5)
  })

  test('a cohort page shows the course, prerequisites, sessions, seats left and waitlist length', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf(
      { capacity: 2, seatsTaken: 2 },
      {
        sessions: 3,
        course: {
          title: { fr: 'Kubernetes en production' },
          summary: { fr: 'Déployer et surveiller des services.' },
          prerequisites: { fr: 'Linux et Docker.' },
        },
      }
    )
    const waiting = await userWithRoles('trainee')
    await enrolmentIn(cohort, waiting.id, { state: 'waitlisted', waitlistPosition: 1 })

    const response = await client.get(`/training/cohorts/${cohort.id}`)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Kubernetes en production')
    assert.include(html, 'Déployer et surveiller des services.')
    assert.include(html, 'Linux et Docker.')
    assert.include(html, 'Séance 3')
    assert.include(html, 'Complet')
    assert.include(html, '1 personne en attente')
    assert.include(html, `href="/training/cohorts/${cohort.id}/enrolments/create"`)
  })

  test('a draft cohort and an unknown id are 404', async ({ client }) => {
    const cohort = await cohortOf({ state: 'draft' })
    await expectStatus(client.get(`/training/cohorts/${cohort.id}`), 404)
    await expectStatus(client.get('/training/cohorts/999999'), 404)
  })
})
