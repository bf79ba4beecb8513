import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { CloseCohort } from '#training/actions/close_cohort'
import { MarkAttendance } from '#training/actions/mark_attendance'
import CohortSession from '#training/models/cohort_session'
import { resetRedis } from '#tests/helpers/services'
import { attend, coordinatorOf, runningCohort } from '#tests/functional/training/institute_fixtures'

/*
| Real parallel transactions (no global transaction): the rows are committed and deleted
| afterwards, except users and their audit entries (the audit log is append-only).
*/
async function deleteCohortRows(cohortId: number, courseId: number, instituteId: number) {
  const enrolments = db.from('enrolments').where('cohort_id', cohortId).select('id')
  await db.from('certificates').whereIn('enrolment_id', enrolments).delete()
  await db.from('cohort_sessions').where('cohort_id', cohortId).delete()
  await db.from('enrolments').where('cohort_id', cohortId).delete()
  await db.from('cohorts').where('id', cohortId).delete()
  await db.from('courses').where('id', courseId).delete()
  await db.from('users').where('institute_id', instituteId).update({ institute_id: null })
  await db.from('institutes').where('id', instituteId).delete()
}

test.group('Institute coordinators: concurrency', (group) => {
  group.each.setup(() => resetRedis())

  test('two coordinators closing the same cohort at once issue each certificate once', async ({
    assert,
    cleanup,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort, heldIds, enrolments } = await runningCohort({
      institute,
      held: 2,
      trainees: [{}, {}, {}],
    })
    cleanup(() => deleteCohortRows(cohort.id, cohort.courseId, institute.id))
    const ids = enrolments.map((enrolment) => enrolment.id)
    await attend(heldIds, ids, coordinator.id)
    await db.from('enrolments').whereIn('id', ids).update({ assessment_passed: true })

    const results = await Promise.all(
      Array.from({ length: 4 }, () => new CloseCohort().handle(cohort.id, { id: coordinator.id }))
    )
    assert.lengthOf(
      results.filter((result) => !result.alreadyClosed),
      1
    )
    const certificates = await db.from('certificates').whereIn('enrolment_id', ids)
    assert.lengthOf(certificates, 3)
    const transitions = await db
      .from('audit_logs')
      .where({ action: 'cohort.transition', subject_id: String(cohort.id) })
    assert.lengthOf(transitions, 1)
  })

  test('attendance marked twice at the same time leaves one row per trainee', async ({
    assert,
    cleanup,
  }) => {
    const { coordinator, institute } = await coordinatorOf()
    const { cohort, heldIds, enrolments } = await runningCohort({
      institute,
      held: 1,
      trainees: [{}, {}],
    })
    cleanup(() => deleteCohortRows(cohort.id, cohort.courseId, institute.id))
    const session = await CohortSession.findOrFail(heldIds[0])
    await Promise.all(
      Array.from({ length: 4 }, () =>
        new MarkAttendance().handle(session, [enrolments[0].id], { id: coordinator.id })
      )
    )
    const rows = await db
      .from('attendances')
      .where('session_id', session.id)
      .orderBy('enrolment_id')
    assert.deepEqual(
      rows.map((row) => [row.enrolment_id, row.present]),
      [
        [enrolments[0].id, true],
        [enrolments[1].id, false],
      ]
    )
  })
})
