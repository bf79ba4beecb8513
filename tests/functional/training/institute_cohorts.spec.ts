import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Cohort from '#training/models/cohort'
import Course from '#training/models/course'
import Enrolment from '#training/models/enrolment'
import Certificate from '#training/models/certificate'
import CohortSession from '#training/models/cohort_session'
import { CloseCohort } from '#training/actions/close_cohort'
import { isolateEachTest } from '#tests/helpers/http'
import { attend, coordinatorOf, runningCohort } from '#tests/functional/training/institute_fixtures'

const COURSE = {
  title_fr: 'Vision par ordinateur',
  title_ar: 'الرؤية الحاسوبية',
  summary_fr: 'Réseaux convolutifs.',
  track: 'ai',
  level: 'intermediate',
  language: 'ar',
  attendance_threshold: 75,
  hours: 90,
}

test.group('Institute coordinators: courses and cohorts', (group) => {
  isolateEachTest(group)

  test('a coordinator creates a course in their institute, with its texts per language', async ({
    client,
    assert,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const response = await client
      .post('/institute/courses')
      .form(COURSE)
      .loginAs(coordinator)
      .withCsrfToken()
      .redirects(0)
    assert.equal(response.status(), 302)
    const course = await Course.query().where('institute_id', institute.id).firstOrFail()
    assert.deepEqual(course.title, { fr: 'Vision par ordinateur', ar: 'الرؤية الحاسوبية' })
    assert.equal(course.attendanceThreshold, 75)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'course.created', actor_id: coordinator.id })
      .first()
    assert.equal(audit.subject_id, String(course.id))
  })

  test('a course with a threshold above 100 % is refused with field messages in French', async ({
    client,
    assert,
  }) => {
    const { coordinator } = await coordinatorOf()
    const response = await client
      .post('/institute/courses')
      .json({ ...COURSE, attendance_threshold: 120, title_fr: '' })
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(response.status(), 422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['attendance_threshold', 'title_fr'])
    assert.lengthOf(await Course.all(), 0)
  })

  test('a cohort is created with its enrolment closing read in Casablanca time', async ({
    client,
    assert,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const course = await Course.create({
      instituteId: institute.id,
      code: 'JZ-T2-1',
      title: { fr: 'Cloud' },
      summary: {},
      prerequisites: {},
      track: 'cloud',
      level: 'beginner',
      language: 'fr',
      attendanceThreshold: 80,
      hours: 40,
    })
    const response = await client
      .post('/institute/cohorts')
      .form({
        course_id: course.id,
        starts_on: '2027-01-04',
        ends_on: '2027-02-26',
        enrolment_closes_at: '2026-12-20T17:00',
        capacity: 25,
        mode: 'online',
        selection: 'merit',
      })
      .loginAs(coordinator)
      .withCsrfToken()
      .redirects(0)
    assert.equal(response.status(), 302)
    const cohort = await Cohort.query().where('course_id', course.id).firstOrFail()
    assert.equal(cohort.state, 'draft')
    assert.equal(cohort.instituteId, institute.id)
    assert.equal(
      cohort.enrolmentClosesAt.toUTC().toISO(),
      DateTime.fromISO('2026-12-20T17:00', { zone: 'Africa/Casablanca' }).toUTC().toISO()
    )
  })

  test('capacity cannot shrink below the seats already taken', async ({ client, assert }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort } = await runningCohort({ institute, trainees: [{}, {}, {}] })
    const response = await client
      .put(`/institute/cohorts/${cohort.id}`)
      .json({
        course_id: cohort.courseId,
        starts_on: cohort.startsOn.toISODate(),
        ends_on: cohort.endsOn.toISODate(),
        enrolment_closes_at: '2030-01-01T10:00',
        capacity: 2,
        mode: 'on_site',
        selection: 'fcfs',
      })
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(response.status(), 422)
    assert.equal(response.body().errors[0].field, 'capacity')
    await cohort.refresh()
    assert.equal(cohort.capacity, 30)
  })

  test('eligibility rules that do not fit the enrolment form are refused', async ({
    client,
    assert,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort } = await runningCohort({ institute })
    const response = await client
      .put(`/institute/cohorts/${cohort.id}`)
      .json({
        course_id: cohort.courseId,
        starts_on: cohort.startsOn.toISODate(),
        ends_on: cohort.endsOn.toISODate(),
        enrolment_closes_at: '2030-01-01T10:00',
        capacity: 30,
        mode: 'on_site',
        selection: 'fcfs',
        eligibility_rules: JSON.stringify({
          eligibility: { all: [{ id: 'x', field: 'trainee.no_such_field', operator: 'present' }] },
          scoring: [],
        }),
      })
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(response.status(), 422)
    assert.equal(response.body().errors[0].field, 'eligibility_rules')
  })

  test('a weekly schedule fills the cohort’s weekdays, and generating it twice adds nothing', async ({
    client,
    assert,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort } = await runningCohort({ institute, held: 0 })
    const weekly = { kind: 'weekly', weekdays: [1, 3, 5], start_time: '09:00', end_time: '12:00' }
    for (let i = 0; i < 2; i++) {
      const response = await client
        .post(`/institute/cohorts/${cohort.id}/sessions`)
        .json(weekly)
        .loginAs(coordinator)
        .withCsrfToken()
        .redirects(0)
      assert.equal(response.status(), 302)
    }
    const sessions = await CohortSession.query().where('cohort_id', cohort.id)
    // 61 days from start to end: 8 or 9 of each chosen weekday.
    assert.isAtLeast(sessions.length, 25)
    assert.isAtMost(sessions.length, 27)
    for (const session of sessions) {
      const local = session.startsAt.setZone('Africa/Casablanca')
      assert.include([1, 3, 5], local.weekday)
      assert.equal(local.toFormat('HH:mm'), '09:00')
    }
  })
})

test.group('Institute coordinators: attendance, assessment, closing', (group) => {
  isolateEachTest(group)

  test('attendance of one session is marked for every accepted trainee in one screen, idempotently', async ({
    client,
    assert,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { heldIds, enrolments } = await runningCohort({
      institute,
      held: 1,
      trainees: [{}, {}, {}],
    })
    const page = await client
      .get(`/institute/sessions/${heldIds[0]}/attendance`)
      .loginAs(coordinator)
    for (const enrolment of enrolments) {
      assert.include(page.text(), `id="present-${enrolment.id}"`)
    }
    const present = [enrolments[0].id, enrolments[2].id]
    for (let i = 0; i < 2; i++) {
      const response = await client
        .put(`/institute/sessions/${heldIds[0]}/attendance`)
        .form({ present })
        .loginAs(coordinator)
        .withCsrfToken()
        .redirects(0)
      assert.equal(response.status(), 302)
    }
    const rows = await db
      .from('attendances')
      .where('session_id', heldIds[0])
      .orderBy('enrolment_id')
    assert.deepEqual(
      rows.map((row) => [row.enrolment_id, row.present, row.marked_by]),
      enrolments.map((enrolment) => [enrolment.id, present.includes(enrolment.id), coordinator.id])
    )
    const audits = await db
      .from('audit_logs')
      .where({ action: 'cohort_session.attendance_marked', subject_id: String(heldIds[0]) })
      .orderBy('id')
    assert.lengthOf(audits, 2)
    assert.deepInclude(audits[0].metadata, { present: 2, absent: 1 })

    // Unticking a trainee later turns their mark to absent.
    await client
      .put(`/institute/sessions/${heldIds[0]}/attendance`)
      .json({ present: [enrolments[0].id] })
      .loginAs(coordinator)
      .withCsrfToken()
    const again = await db
      .from('attendances')
      .where('session_id', heldIds[0])
      .where('present', true)
    assert.lengthOf(again, 1)
  })

  test('a session that has not started cannot be marked', async ({ client, assert }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { sessionIds } = await runningCohort({ institute, held: 0, upcoming: 1 })
    const response = await client
      .put(`/institute/sessions/${sessionIds[0]}/attendance`)
      .json({ present: [] })
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(response.status(), 409)
    assert.lengthOf(await db.from('attendances'), 0)
  })

  test('assessment results are recorded for the whole cohort; scores out of range are refused', async ({
    client,
    assert,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort, enrolments } = await runningCohort({ institute, trainees: [{}, {}] })
    const bad = await client
      .put(`/institute/cohorts/${cohort.id}/assessments`)
      .json({ results: [{ enrolment_id: enrolments[0].id, score: 140, passed: true }] })
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(bad.status(), 422)

    // Exactly what the assessment page's form sends (the second trainee's box unticked).
    const body = new URLSearchParams([
      ['results[0][enrolment_id]', String(enrolments[0].id)],
      ['results[0][score]', '72.5'],
      ['results[0][passed]', '1'],
      ['results[1][enrolment_id]', String(enrolments[1].id)],
      ['results[1][score]', '41'],
    ]).toString()
    const response = await client
      .put(`/institute/cohorts/${cohort.id}/assessments`)
      .form(body as any)
      .loginAs(coordinator)
      .withCsrfToken()
      .redirects(0)
    assert.equal(response.status(), 302)
    const [first, second] = await Enrolment.query()
      .whereIn(
        'id',
        enrolments.map((e) => e.id)
      )
      .orderBy('id')
    assert.equal(first.assessmentScore, 72.5)
    assert.isTrue(first.assessmentPassed)
    assert.equal(second.assessmentScore, 41)
    assert.isFalse(second.assessmentPassed)
  })

  test('closing settles completion by the course rule and certifies the completed, once', async ({
    client,
    assert,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort, heldIds, enrolments, trainees } = await runningCohort({
      institute,
      held: 5,
      upcoming: 2,
      trainees: [
        { fullName: 'أمينة الإدريسي', preferredLocale: 'ar' },
        { fullName: 'Youssef Alaoui' },
        { fullName: 'Sara Bennani' },
      ],
    })
    const [atThreshold, belowThreshold, failedExam] = enrolments
    await attend(heldIds.slice(0, 4), [atThreshold.id, failedExam.id], coordinator.id) // 4/5 = 80 %
    await attend(heldIds.slice(0, 3), [belowThreshold.id], coordinator.id) // 3/5 = 60 %
    await db
      .from('enrolments')
      .whereIn('id', [atThreshold.id, belowThreshold.id])
      .update({ assessment_passed: true })
    await db.from('enrolments').where('id', failedExam.id).update({ assessment_passed: false })

    const response = await client
      .post(`/institute/cohorts/${cohort.id}/closure`)
      .loginAs(coordinator)
      .withCsrfToken()
      .redirects(0)
    assert.equal(response.status(), 302)

    await cohort.refresh()
    assert.equal(cohort.state, 'closed')
    assert.isNotNull(cohort.closedAt)
    const states = await Enrolment.query()
      .whereIn(
        'id',
        enrolments.map((e) => e.id)
      )
      .orderBy('id')
    assert.deepEqual(
      states.map((e) => e.state),
      ['completed', 'failed', 'failed']
    )
    assert.isNotNull(states[0].completedAt)
    const certificates = await Certificate.all()
    assert.lengthOf(certificates, 1)
    assert.equal(certificates[0].enrolmentId, atThreshold.id)
    assert.equal(certificates[0].traineeName, trainees[0].fullName)
    assert.equal(certificates[0].locale, 'ar')
    assert.match(certificates[0].code, /^[0-9A-Z]{16}$/)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'cohort.transition', subject_id: String(cohort.id) })
      .first()
    assert.equal(audit.to_state, 'closed')

    // Closing again changes nothing.
    const result = await new CloseCohort().handle(cohort.id, { id: coordinator.id })
    assert.isTrue(result.alreadyClosed)
    assert.lengthOf(await Certificate.all(), 1)
  })

  test('a cohort closed with no session held certifies nobody', async ({ assert }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort, enrolments } = await runningCohort({ institute, held: 0, upcoming: 3 })
    await db.from('enrolments').where('id', enrolments[0].id).update({ assessment_passed: true })
    const result = await new CloseCohort().handle(cohort.id, { id: coordinator.id })
    assert.deepInclude(result, { completed: 0, failed: 1, certificates: 0 })
  })

  test('after closing, attendance and assessments are refused', async ({ client, assert }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort, heldIds } = await runningCohort({ institute, held: 1 })
    await new CloseCohort().handle(cohort.id, { id: coordinator.id })
    const response = await client
      .put(`/institute/sessions/${heldIds[0]}/attendance`)
      .json({ present: [] })
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(response.status(), 409)
    assert.isTrue(DateTime.now() > cohort.createdAt)
  })
})

test.group('Institute coordinators: opening', (group) => {
  isolateEachTest(group)

  test('a draft cohort is opened to enrolment once, audited', async ({ client, assert }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort } = await runningCohort({ institute })
    await db.from('cohorts').where('id', cohort.id).update({ state: 'draft' })
    const opened = await client
      .post(`/institute/cohorts/${cohort.id}/opening`)
      .loginAs(coordinator)
      .withCsrfToken()
      .redirects(0)
    assert.equal(opened.status(), 302)
    await cohort.refresh()
    assert.equal(cohort.state, 'open')
    const again = await client
      .post(`/institute/cohorts/${cohort.id}/opening`)
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(again.status(), 409)
    const audits = await db
      .from('audit_logs')
      .where({ action: 'cohort.transition', subject_id: String(cohort.id), to_state: 'open' })
    assert.lengthOf(audits, 1)
  })
})
