import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Cohort from '#training/models/cohort'
import Enrolment from '#training/models/enrolment'
import EnrolmentMail from '#training/mails/enrolment_mail'
import type User from '#identity/models/user'
import { YOUTH_COHORT_RULES } from '#database/rules/youth_cohort'
import { cohortOf, enrolmentAnswers, enrolmentIn } from '#database/factories/training_factory'
import { UserFactory } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'

function trainee(locale = 'fr') {
  return UserFactory.merge({ roles: ['trainee'], preferredLocale: locale }).create()
}

/** Answers as the form posts them: answers[trainee][field]. */
function formOf(answers: ReturnType<typeof enrolmentAnswers>) {
  const body: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(answers.trainee)) {
    body[`answers[trainee][${key}]`] = String(value)
  }
  return body
}

function enrol(client: ApiClient, cohort: Cohort, user: User, answers = enrolmentAnswers()) {
  return client
    .post(`/training/cohorts/${cohort.id}/enrolments`)
    .form(formOf(answers))
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

function enrolJson(client: ApiClient, cohort: Cohort, user: User, answers: unknown) {
  return client
    .post(`/training/cohorts/${cohort.id}/enrolments`)
    .json({ answers })
    .header('accept', 'application/json')
    .loginAs(user)
    .withCsrfToken()
}

async function enrolmentsOf(userId: number) {
  return Enrolment.query().where('traineeId', userId).orderBy('id')
}

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

async function stateOf(userId: number) {
  const [first] = await enrolmentsOf(userId)
  return first.state
}

test.group('Enrolment / first come, first served', (group) => {
  isolateEachTest(group)

  test('a trainee takes a seat: accepted, the seat counted, audited, then sent to the enrolment page', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ capacity: 2 })
    const user = await trainee()
    const response = await enrol(client, cohort, user)
    response.assertStatus(302)
    const [enrolment] = await enrolmentsOf(user.id)
    assert.equal(enrolment.state, 'accepted')
    assert.equal(response.header('location'), `/enrolments/${enrolment.id}`)
    assert.equal(enrolment.gender, 'female')
    assert.equal(enrolment.region, 'souss_massa')
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 1)
    const audit = await db
      .from('audit_logs')
      .where({ subject_type: 'enrolment', subject_id: String(enrolment.id) })
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].to_state, 'accepted')

    const page = await client.get(`/enrolments/${enrolment.id}`).loginAs(user)
    page.assertStatus(200)
    assert.include(page.text(), 'Acceptée')
  })

  test('when the cohort is full the trainee joins the waitlist in order', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ capacity: 1 })
    const first = await trainee()
    const second = await trainee()
    const third = await trainee()
    for (const user of [first, second, third]) await expectStatus(enrol(client, cohort, user), 302)
    const states = await Enrolment.query().where('cohortId', cohort.id).orderBy('id')
    assert.deepEqual(
      states.map((row) => [row.state, row.waitlistPosition]),
      [
        ['accepted', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]
    )
    const page = await htmlOf(client.get('/enrolments').loginAs(third))
    assert.include(page, 'N° 2 sur la liste')
  })

  test('a trainee cannot enrol twice in the same cohort', async ({ client, assert }) => {
    const cohort = await cohortOf()
    const user = await trainee()
    await enrol(client, cohort, user)
    const again = await enrolJson(client, cohort, user, enrolmentAnswers())
    again.assertStatus(409)
    assert.include(again.body().errors[0].message, 'déjà inscrit')
    assert.lengthOf(await enrolmentsOf(user.id), 1)
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 1)
  })

  test('an enrolment in a cohort overlapping one the trainee holds is refused with a clear message, and no seat is taken', async ({
    client,
    assert,
  }) => {
    const start = DateTime.utc().plus({ days: 50 }).startOf('day')
    const held = await cohortOf({ startsOn: start, endsOn: start.plus({ days: 20 }) })
    const other = await cohortOf({
      startsOn: start.plus({ days: 10 }),
      endsOn: start.plus({ days: 40 }),
    })
    const user = await trainee()
    await enrol(client, held, user)

    const response = await enrol(client, other, user)
    response.assertStatus(302)
    const flash = response.flashMessages()
    assert.include(flash.error, 'autre cohorte aux mêmes dates')

    const json = await enrolJson(client, other, user, enrolmentAnswers())
    json.assertStatus(409)
    assert.lengthOf(await enrolmentsOf(user.id), 1)
    await other.refresh()
    assert.equal(other.seatsTaken, 0)
  })

  test('the overlap message speaks the trainee’s language', async ({ client, assert }) => {
    const start = DateTime.utc().plus({ days: 50 }).startOf('day')
    const held = await cohortOf({ startsOn: start, endsOn: start.plus({ days: 20 }) })
    const other = await cohortOf({
      startsOn: start.plus({ days: 20 }),
      endsOn: start.plus({ days: 30 }),
    })
    const user = await trainee('ar')
    await enrol(client, held, user)
    const json = await enrolJson(client, other, user, enrolmentAnswers())
    json.assertStatus(409)
    assert.include(json.body().errors[0].message, 'فوج آخر في نفس التواريخ')
  })

  test('after a withdrawal the trainee may enrol in an overlapping cohort', async ({
    client,
    assert,
  }) => {
    const start = DateTime.utc().plus({ days: 50 }).startOf('day')
    const held = await cohortOf({ startsOn: start, endsOn: start.plus({ days: 20 }) })
    const other = await cohortOf({ startsOn: start, endsOn: start.plus({ days: 20 }) })
    const user = await trainee()
    await enrol(client, held, user)
    const [enrolment] = await enrolmentsOf(user.id)
    await expectStatus(
      client
        .post(`/enrolments/${enrolment.id}/withdrawal`)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0),
      302
    )
    await expectStatus(enrol(client, other, user), 302)
    const rows = await enrolmentsOf(user.id)
    assert.deepEqual(
      rows.map((row) => row.state),
      ['withdrawn', 'accepted']
    )
  })

  test('enrolment closes at enrolment_closes_at, and only open cohorts take enrolments', async ({
    client,
    assert,
  }) => {
    const late = await cohortOf({ enrolmentClosesAt: DateTime.utc().minus({ seconds: 1 }) })
    const running = await cohortOf({ state: 'running' })
    const user = await trainee()
    for (const cohort of [late, running]) {
      const response = await enrolJson(client, cohort, user, enrolmentAnswers())
      response.assertStatus(409)
      assert.include(response.body().errors[0].message, 'sont closes')
    }
    assert.lengthOf(await enrolmentsOf(user.id), 0)
  })
})

test.group('Enrolment / the form and the cohort’s rules', (group) => {
  isolateEachTest(group)

  test('the form shows every question of the enrolment form', async ({ client, assert }) => {
    const cohort = await cohortOf()
    const response = await client
      .get(`/training/cohorts/${cohort.id}/enrolments/create`)
      .loginAs(await trainee())
    response.assertStatus(200)
    const html = response.text()
    for (const label of ['Date de naissance', 'Genre', 'Région de résidence', 'Motivation']) {
      assert.include(html, label)
    }
    assert.include(html, 'name="answers[trainee][birth_date]"')
  })

  test('invalid answers: back to the form with field messages, nothing written', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf()
    const user = await trainee()
    const response = await enrol(
      client,
      cohort,
      user,
      enrolmentAnswers({ motivation: 'court', gender: 'x' })
    )
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.isDefined(errors['trainee.motivation'])
    assert.isDefined(errors['trainee.gender'])
    assert.include(errors['trainee.motivation'][0], 'Motivation')
    assert.lengthOf(await enrolmentsOf(user.id), 0)
  })

  test('invalid answers as JSON: 422 with messages in the trainee’s language', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf()
    const user = await trainee('ar')
    const response = await enrolJson(client, cohort, user, { trainee: { gender: 'female' } })
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['trainee.birth_date', 'trainee.motivation'])
    const birth = response
      .body()
      .errors.find((error: { field: string }) => error.field === 'trainee.birth_date')
    assert.include(birth.message, 'تاريخ الازدياد')
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 0)
  })

  test('an ineligible trainee is recorded as ineligible, takes no seat, and sees why in their language', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ eligibilityRules: YOUTH_COHORT_RULES })
    const user = await trainee('ar')
    const tooOld = cohort.startsOn.minus({ years: 36 }).toISODate()!
    const response = await enrol(
      client,
      cohort,
      user,
      enrolmentAnswers({ birth_date: tooOld, education_level: 'secondary' })
    )
    response.assertStatus(302)
    const [enrolment] = await enrolmentsOf(user.id)
    assert.equal(enrolment.state, 'ineligible')
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 0)
    const html = await htmlOf(client.get(`/enrolments/${enrolment.id}`).loginAs(user))
    assert.include(html, 'أن يتراوح عمرك بين 18 و35 سنة عند بداية الفوج.')
    assert.include(html, 'التوفر على شهادة البكالوريا على الأقل.')
  })

  test('age is counted on the cohort’s first day: 35 that day is eligible, 36 is not', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ eligibilityRules: YOUTH_COHORT_RULES })
    const exactly35 = await trainee()
    const turned36 = await trainee()
    await enrol(
      client,
      cohort,
      exactly35,
      enrolmentAnswers({ birth_date: cohort.startsOn.minus({ years: 35 }).toISODate() })
    )
    await enrol(
      client,
      cohort,
      turned36,
      enrolmentAnswers({ birth_date: cohort.startsOn.minus({ years: 36 }).toISODate() })
    )
    assert.equal(await stateOf(exactly35.id), 'accepted')
    assert.equal(await stateOf(turned36.id), 'ineligible')
  })

  test('a merit cohort keeps eligible trainees pending with their score, seats untouched', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ selection: 'merit', eligibilityRules: YOUTH_COHORT_RULES })
    const user = await trainee()
    await enrol(
      client,
      cohort,
      user,
      enrolmentAnswers({ education_level: 'master', experience_years: 4 })
    )
    const [enrolment] = await enrolmentsOf(user.id)
    assert.equal(enrolment.state, 'pending')
    assert.equal(Number(enrolment.score), 100)
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 0)
  })
})

test.group('Enrolment / withdrawal and my enrolments', (group) => {
  isolateEachTest(group)

  test('withdrawing an accepted enrolment frees the seat for the first waitlisted trainee, told by mail in their language', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ capacity: 1 })
    const holder = await trainee()
    const next = await trainee('zgh')
    const after = await trainee()
    for (const user of [holder, next, after]) await enrol(client, cohort, user)
    const mails = captureMail()
    const [held] = await enrolmentsOf(holder.id)

    const response = await client
      .post(`/enrolments/${held.id}/withdrawal`)
      .loginAs(holder)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const rows = await Enrolment.query().where('cohortId', cohort.id).orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.traineeId, row.state, row.waitlistPosition]),
      [
        [holder.id, 'withdrawn', null],
        [next.id, 'accepted', null],
        [after.id, 'waitlisted', 2],
      ]
    )
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 1)
    const queued = mails.queued((mail) => mail instanceof EnrolmentMail) as EnrolmentMail[]
    assert.lengthOf(queued, 1)
    await queued[0].message.computeContents()
    assert.deepEqual(queued[0].message.toJSON().message.to, [
      { address: next.email, name: next.fullName },
    ])
    assert.include(queued[0].message.toJSON().message.subject, 'ⵢⴰⵏ ⵓⴷⵖⴰⵔ')
    // The last in line is now first.
    assert.include(await htmlOf(client.get('/enrolments').loginAs(after)), 'N° 1 sur la liste')
  })

  test('withdrawing from the waitlist promotes nobody and sends nothing', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf({ capacity: 1 })
    const holder = await trainee()
    const waiting = await trainee()
    for (const user of [holder, waiting]) await enrol(client, cohort, user)
    const mails = captureMail()
    const [enrolment] = await enrolmentsOf(waiting.id)
    await client
      .post(`/enrolments/${enrolment.id}/withdrawal`)
      .loginAs(waiting)
      .withCsrfToken()
      .redirects(0)
    await enrolment.refresh()
    assert.equal(enrolment.state, 'withdrawn')
    assert.isNull(enrolment.waitlistPosition)
    assert.lengthOf(mails.queued(), 0)
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 1)
  })

  test('a withdrawn enrolment cannot be withdrawn again', async ({ client, assert }) => {
    const cohort = await cohortOf()
    const user = await trainee()
    const enrolment = await enrolmentIn(cohort, user.id, { state: 'withdrawn' })
    const response = await client
      .post(`/enrolments/${enrolment.id}/withdrawal`)
      .header('accept', 'application/json')
      .loginAs(user)
      .withCsrfToken()
    response.assertStatus(409)
    assert.include(response.body().errors[0].message, 'ne peut plus être retirée')
  })

  test('my enrolments lists state, dates and the certificate link when one exists', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf(
      { startsOn: DateTime.fromISO('2027-02-01') },
      { course: { title: { fr: 'Data engineering' } } }
    )
    const user = await trainee()
    const enrolment = await enrolmentIn(cohort, user.id, { state: 'completed' })
    await db.table('certificates').insert({
      enrolment_id: enrolment.id,
      code: 'TESTCODE1234',
      trainee_name: user.fullName,
      locale: 'fr',
      issued_at: new Date(),
    })
    const html = await htmlOf(client.get('/enrolments').loginAs(user))
    assert.include(html, 'Data engineering')
    assert.include(html, 'Terminée')
    assert.include(html, '1 février 2027')
    assert.include(html, `href="/enrolments/${enrolment.id}/certificate"`)
  })
})

test.group('Enrolment / authorization from the outside', (group) => {
  isolateEachTest(group)

  test('another trainee cannot see or withdraw someone else’s enrolment (404)', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf()
    const owner = await trainee()
    const intruder = await trainee()
    const enrolment = await enrolmentIn(cohort, owner.id)
    await expectStatus(client.get(`/enrolments/${enrolment.id}`).loginAs(intruder), 404)
    await expectStatus(
      client.post(`/enrolments/${enrolment.id}/withdrawal`).loginAs(intruder).withCsrfToken(),
      404
    )
    await enrolment.refresh()
    assert.equal(enrolment.state, 'accepted')
    assert.notInclude(
      await htmlOf(client.get('/enrolments').loginAs(intruder)),
      `/enrolments/${enrolment.id}`
    )
  })

  test('people without the trainee role cannot enrol (403)', async ({ client, assert }) => {
    const cohort = await cohortOf()
    for (const roles of [
      ['applicant'],
      ['institute_coordinator'],
      ['programme_officer'],
    ] as const) {
      const user = await UserFactory.merge({ roles: [...roles] }).create()
      await expectStatus(
        client.get(`/training/cohorts/${cohort.id}/enrolments/create`).loginAs(user),
        403
      )
      await expectStatus(enrol(client, cohort, user), 403)
    }
    assert.equal(
      await Enrolment.query()
        .where('cohortId', cohort.id)
        .count('* as c')
        .then((r) => Number(r[0].$extras.c)),
      0
    )
  })

  test('guests are sent to the login page from every enrolment route', async ({
    client,
    assert,
  }) => {
    const cohort = await cohortOf()
    const owner = await trainee()
    const enrolment = await enrolmentIn(cohort, owner.id)
    const routes: Array<['GET' | 'POST', string]> = [
      ['GET', `/training/cohorts/${cohort.id}/enrolments/create`],
      ['POST', `/training/cohorts/${cohort.id}/enrolments`],
      ['GET', '/enrolments'],
      ['GET', `/enrolments/${enrolment.id}`],
      ['POST', `/enrolments/${enrolment.id}/withdrawal`],
    ]
    for (const [method, url] of routes) {
      const request = method === 'GET' ? client.get(url) : client.post(url).withCsrfToken()
      const response = await request.redirects(0)
      assert.equal(response.status(), 302, `${method} ${url}`)
      assert.equal(response.header('location'), '/login', `${method} ${url}`)
    }
  })
})
