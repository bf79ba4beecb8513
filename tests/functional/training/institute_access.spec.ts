import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { userWithRoles } from '#database/factories/user_factory'
import { CourseFactory } from '#database/factories/training_factory'
import Certificate from '#training/models/certificate'
import { isolateEachTest } from '#tests/helpers/http'
import type { Role } from '#identity/roles'
import { coordinatorOf, runningCohort } from '#tests/functional/training/institute_fixtures'

type Method = 'GET' | 'POST' | 'PUT'

/** Institute A with a course, a running cohort, a session and a certificate. */
async function instituteA() {
  const { coordinator, institute } = await coordinatorOf()
  const { cohort, heldIds, enrolments } = await runningCohort({ institute, held: 2 })
  const certificate = await Certificate.create({
    enrolmentId: enrolments[0].id,
    code: 'ABCDEFGHJKMNPQRS',
    traineeName: 'Trainee',
    locale: 'fr',
    issuedAt: cohort.createdAt,
  })
  const routes: [Method, string][] = [
    ['GET', `/institute/courses/${cohort.courseId}/edit`],
    ['PUT', `/institute/courses/${cohort.courseId}`],
    ['GET', `/institute/cohorts/${cohort.id}`],
    ['GET', `/institute/cohorts/${cohort.id}/edit`],
    ['PUT', `/institute/cohorts/${cohort.id}`],
    ['POST', `/institute/cohorts/${cohort.id}/opening`],
    ['POST', `/institute/cohorts/${cohort.id}/sessions`],
    ['POST', `/institute/cohorts/${cohort.id}/merit_selection`],
    ['GET', `/institute/cohorts/${cohort.id}/assessments`],
    ['PUT', `/institute/cohorts/${cohort.id}/assessments`],
    ['POST', `/institute/cohorts/${cohort.id}/closure`],
    ['GET', `/institute/sessions/${heldIds[0]}/attendance`],
    ['PUT', `/institute/sessions/${heldIds[0]}/attendance`],
    ['POST', `/institute/certificates/${certificate.id}/revocation`],
  ]
  const everyone: [Method, string][] = [
    ['GET', '/institute'],
    ['GET', '/institute/courses/create'],
    ['POST', '/institute/courses'],
    ['GET', '/institute/cohorts/create'],
    ['POST', '/institute/cohorts'],
    ...routes,
  ]
  return { coordinator, institute, cohort, certificate, enrolments, heldIds, routes, everyone }
}

/** Bodies that would change something if they were let through. */
const payload = {
  present: [],
  reason: 'A reason long enough to pass validation.',
  kind: 'single',
  date: '2030-01-01',
  start_time: '09:00',
  end_time: '10:00',
  results: [],
}

async function nothingChanged(a: Awaited<ReturnType<typeof instituteA>>, assert: any) {
  await a.cohort.refresh()
  await a.certificate.refresh()
  assert.equal(a.cohort.state, 'running')
  assert.isNull(a.certificate.revokedAt)
  const [attendances] = await db.from('attendances').count('* as total')
  assert.equal(Number(attendances.total), 0)
  const audits = await db.from('audit_logs').where((query) => {
    query
      .where({ subject_type: 'cohort', subject_id: String(a.cohort.id) })
      .orWhere({ subject_type: 'course', subject_id: String(a.cohort.courseId) })
      .orWhere({ subject_type: 'certificate', subject_id: String(a.certificate.id) })
      .orWhere((session) =>
        session.where('subject_type', 'cohort_session').whereIn('subject_id', a.heldIds.map(String))
      )
  })
  assert.lengthOf(audits, 0)
}

const OTHER_ROLES: Role[] = ['trainee', 'applicant', 'programme_officer', 'admin', 'reviewer']

test.group('Institute coordinators: access', (group) => {
  isolateEachTest(group)

  test('a coordinator of another institute gets 403 on every route of this institute, and nothing changes', async ({
    client,
    assert,
  }) => {
    const a = await instituteA()
    const { coordinator: stranger } = await coordinatorOf()
    for (const [method, url] of a.routes) {
      const response = await client
        .request(url, method)
        .json(payload)
        .accept('json')
        .loginAs(stranger)
        .withCsrfToken()
        .redirects(0)
      assert.equal(response.status(), 403, `${method} ${url}`)
    }
    await nothingChanged(a, assert)
  })

  test('another institute’s course cannot be used to create a cohort here', async ({
    client,
    assert,
  }) => {
    const a = await instituteA()
    const { coordinator: stranger } = await coordinatorOf()
    const response = await client
      .post('/institute/cohorts')
      .json({
        course_id: a.cohort.courseId,
        starts_on: '2030-01-01',
        ends_on: '2030-02-01',
        enrolment_closes_at: '2029-12-20T17:00',
        capacity: 10,
        mode: 'online',
        selection: 'fcfs',
      })
      .accept('json')
      .loginAs(stranger)
      .withCsrfToken()
    assert.equal(response.status(), 422)
    assert.equal(response.body().errors[0].field, 'course_id')
  })

  test('people without the coordinator role get 403 everywhere under /institute', async ({
    client,
    assert,
  }) => {
    const a = await instituteA()
    for (const role of OTHER_ROLES) {
      const user = await userWithRoles(role)
      for (const [method, url] of a.everyone) {
        const response = await client
          .request(url, method)
          .json(payload)
          .accept('json')
          .loginAs(user)
          .withCsrfToken()
          .redirects(0)
        assert.equal(response.status(), 403, `${role} ${method} ${url}`)
      }
    }
    // A coordinator whose account names no institute coordinates nothing.
    const orphan = await userWithRoles('institute_coordinator')
    const response = await client.get('/institute').loginAs(orphan).redirects(0)
    assert.equal(response.status(), 403)
    await nothingChanged(a, assert)
  })

  test('guests are sent to the login page from every coordinator route', async ({
    client,
    assert,
  }) => {
    const a = await instituteA()
    for (const [method, url] of a.everyone) {
      const response = await client.request(url, method).form({}).withCsrfToken().redirects(0)
      assert.equal(response.status(), 302, `${method} ${url}`)
      assert.equal(response.header('location'), '/login', `${method} ${url}`)
    }
  })

  test('unknown records are 404 for a coordinator', async ({ client, assert }) => {
    const { coordinator } = await coordinatorOf()
    for (const url of [
      '/institute/courses/999999999/edit',
      '/institute/cohorts/999999999',
      '/institute/sessions/999999999/attendance',
    ]) {
      const response = await client.get(url).loginAs(coordinator).redirects(0)
      assert.equal(response.status(), 404, url)
    }
  })

  test('the coordinator of the institute reaches every page of it', async ({ client, assert }) => {
    const a = await instituteA()
    await CourseFactory.merge({ instituteId: a.institute.id }).create()
    for (const url of [
      '/institute',
      '/institute/courses/create',
      `/institute/courses/${a.cohort.courseId}/edit`,
      '/institute/cohorts/create',
      `/institute/cohorts/${a.cohort.id}`,
      `/institute/cohorts/${a.cohort.id}/edit`,
      `/institute/cohorts/${a.cohort.id}/assessments`,
      `/institute/sessions/${a.heldIds[0]}/attendance`,
    ]) {
      const response = await client.get(url).loginAs(a.coordinator)
      assert.equal(response.status(), 200, url)
    }
  })
})
