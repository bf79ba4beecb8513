import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import type Cohort from '#training/models/cohort'
import User from '#identity/models/user'
import { EnrolTrainee } from '#training/actions/enrol_trainee'
import { WithdrawEnrolment } from '#training/actions/withdraw_enrolment'
import { cohortOf, enrolmentAnswers } from '#database/factories/training_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { resetRedis } from '#tests/helpers/services'
import type { DomainError } from '#core/exceptions/domain_error'

/*
| Real transactions, committed: no global transaction, so the enrolments really contend
| for the cohort's row. Each test deletes what it created, except the trainees (the
| append-only audit log refers to them) and their audit entries.
*/
const TRAINEES = 200
const CAPACITY = 30
const ROUNDS = 20
const actor = { id: null }

/** 200 verified trainees sharing one password hash (hashing 200 times would be the test's cost). */
async function trainees(count: number) {
  const model = await userWithRoles('trainee')
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const rows = await db
    .table('users')
    .multiInsert(
      Array.from({ length: count - 1 }, (_, index) => ({
        full_name: `Stagiaire ${index}`,
        email: `seat-${stamp}-${index}@manassa.test`,
        password: model.password,
        preferred_locale: 'fr',
        roles: ['trainee'],
        email_verified_at: new Date(),
        created_at: new Date(),
        updated_at: new Date(),
      }))
    )
    .returning('id')
  const ids = [model.id, ...rows.map((row: { id: number }) => row.id)]
  return User.query().whereIn('id', ids).orderBy('id')
}

async function deleteCohort(cohort: Cohort) {
  await db.from('cohort_sessions').where('cohort_id', cohort.id).delete()
  await db.from('enrolments').where('cohort_id', cohort.id).delete()
  await db.from('cohorts').where('id', cohort.id).delete()
  await db.from('courses').where('id', cohort.courseId).delete()
  await db.from('institutes').where('id', cohort.instituteId).delete()
}

async function seatsOf(cohortId: number) {
  const cohort = await db.from('cohorts').where('id', cohortId).select('seats_taken').first()
  const rows = await db
    .from('enrolments')
    .where('cohort_id', cohortId)
    .select('state', 'waitlist_position')
    .orderBy('waitlist_position')
  return {
    seatsTaken: cohort.seats_taken as number,
    accepted: rows.filter((row) => row.state === 'accepted').length,
    waitlisted: rows
      .filter((row) => row.state === 'waitlisted')
      .map((row) => Number(row.waitlist_position)),
  }
}

const oneTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1)

test.group('Seats / concurrent enrolments and withdrawals (committed transactions)', (group) => {
  let people: User[] = []
  group.setup(async () => {
    people = await trainees(TRAINEES)
  })
  group.each.setup(async () => {
    await resetRedis()
    mail.fake()
    return () => mail.restore()
  })

  test('200 simultaneous enrolments in a 30-seat cohort: 30 accepted, 170 waitlisted 1..170 ({$i})', async ({
    assert,
    cleanup,
  }) => {
    const enrol = new EnrolTrainee()
    for (let round = 1; round <= ROUNDS; round++) {
      const cohort = await cohortOf({ capacity: CAPACITY })
      cleanup(() => deleteCohort(cohort))
      // The same trainees every round: each round's cohort goes before the next (same dates).
      const outcomes = await Promise.allSettled(
        people.map((person) => enrol.handle(cohort.id, person, enrolmentAnswers(), actor))
      )
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected')
      assert.lengthOf(
        failures,
        0,
        `round ${round}: ${String((failures[0] as PromiseRejectedResult | undefined)?.reason)}`
      )
      const seats = await seatsOf(cohort.id)
      assert.equal(seats.seatsTaken, CAPACITY, `round ${round}`)
      assert.equal(seats.accepted, CAPACITY, `round ${round}`)
      assert.deepEqual(seats.waitlisted, oneTo(TRAINEES - CAPACITY), `round ${round}`)
      await deleteCohort(cohort)
    }
  }).timeout(180_000)

  test('concurrent withdrawals each promote exactly one waitlisted trainee, first in line first', async ({
    assert,
    cleanup,
  }) => {
    const enrol = new EnrolTrainee()
    const withdraw = new WithdrawEnrolment()
    const cohort = await cohortOf({ capacity: 10 })
    cleanup(() => deleteCohort(cohort))
    // One after the other: a known order, 10 accepted then 30 waitlisted 1..30.
    const enrolments = []
    for (const person of people.slice(0, 40)) {
      enrolments.push(await enrol.handle(cohort.id, person, enrolmentAnswers(), actor))
    }
    const leaving = enrolments.filter((enrolment) => enrolment.state === 'accepted').slice(0, 8)
    const results = await Promise.all(
      leaving.map((enrolment) => withdraw.handle(enrolment.id, actor))
    )

    const promoted = results.map((result) => result.promoted).filter((id) => id !== null)
    assert.lengthOf(promoted, 8)
    assert.lengthOf(new Set(promoted), 8)
    const expected = enrolments
      .filter((enrolment) => enrolment.waitlistPosition !== null)
      .slice(0, 8)
    assert.sameMembers(
      promoted as number[],
      expected.map((enrolment) => enrolment.id)
    )
    const seats = await seatsOf(cohort.id)
    assert.equal(seats.seatsTaken, 10)
    assert.equal(seats.accepted, 10)
    assert.deepEqual(
      seats.waitlisted,
      Array.from({ length: 22 }, (_, index) => index + 9)
    )
  }).timeout(60_000)

  test('the same withdrawal sent twice at once frees one seat and promotes one trainee', async ({
    assert,
    cleanup,
  }) => {
    const enrol = new EnrolTrainee()
    const withdraw = new WithdrawEnrolment()
    const cohort = await cohortOf({ capacity: 1 })
    cleanup(() => deleteCohort(cohort))
    const [held] = [await enrol.handle(cohort.id, people[0], enrolmentAnswers(), actor)]
    await enrol.handle(cohort.id, people[1], enrolmentAnswers(), actor)
    await enrol.handle(cohort.id, people[2], enrolmentAnswers(), actor)
    const outcomes = await Promise.allSettled([
      withdraw.handle(held.id, actor),
      withdraw.handle(held.id, actor),
    ])
    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled')
    const rejected = outcomes.filter(
      (outcome) => outcome.status === 'rejected'
    ) as PromiseRejectedResult[]
    assert.lengthOf(fulfilled, 1)
    assert.equal(
      (rejected[0].reason as DomainError).translationKey,
      'training.withdrawal.errors.not_live'
    )
    const seats = await seatsOf(cohort.id)
    assert.equal(seats.seatsTaken, 1)
    assert.deepEqual(seats.waitlisted, [2])
  })

  test('one trainee enrolling at once in two overlapping cohorts gets one of them', async ({
    assert,
    cleanup,
  }) => {
    const enrol = new EnrolTrainee()
    const start = DateTime.utc().plus({ days: 60 }).startOf('day')
    const first = await cohortOf({ startsOn: start, endsOn: start.plus({ days: 10 }) })
    const second = await cohortOf({
      startsOn: start.plus({ days: 5 }),
      endsOn: start.plus({ days: 15 }),
    })
    cleanup(() => deleteCohort(first))
    cleanup(() => deleteCohort(second))
    const outcomes = await Promise.allSettled([
      enrol.handle(first.id, people[3], enrolmentAnswers(), actor),
      enrol.handle(second.id, people[3], enrolmentAnswers(), actor),
    ])
    const rejected = outcomes.filter(
      (outcome) => outcome.status === 'rejected'
    ) as PromiseRejectedResult[]
    assert.lengthOf(rejected, 1)
    assert.equal(
      (rejected[0].reason as DomainError).translationKey,
      'training.enrolment.errors.overlap'
    )
    const seats = [await seatsOf(first.id), await seatsOf(second.id)]
    assert.equal(seats[0].seatsTaken + seats[1].seatsTaken, 1)
  })
})
