import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { cohortOf, enrolmentIn, InstituteFactory } from '#database/factories/training_factory'
import type Institute from '#training/models/institute'
import type User from '#identity/models/user'
import type Enrolment from '#training/models/enrolment'

/** A coordinator of `institute` (a new institute when absent). */
export async function coordinatorOf(institute?: Institute) {
  const place = institute ?? (await InstituteFactory.create())
  const user = await UserFactory.merge({
    roles: ['institute_coordinator'],
    instituteId: place.id,
  }).create()
  return { coordinator: user, institute: place }
}

/**
 * A cohort under way: started 30 days ago, `held` sessions already held (one a day, the
 * last yesterday) and `upcoming` still to come, with one accepted enrolment per trainee.
 */
export async function runningCohort(
  options: {
    institute?: Institute
    held?: number
    upcoming?: number
    trainees?: Array<Partial<User>>
    course?: Record<string, unknown>
  } = {}
) {
  const institute = options.institute ?? (await InstituteFactory.create())
  const today = DateTime.utc().startOf('day')
  const cohort = await cohortOf(
    {
      state: 'running',
      startsOn: today.minus({ days: 30 }),
      endsOn: today.plus({ days: 30 }),
      enrolmentClosesAt: today.minus({ days: 35 }),
    },
    { institute, course: options.course as any }
  )
  const held = options.held ?? 5
  const upcoming = options.upcoming ?? 0
  const slots = [
    ...Array.from({ length: held }, (_, i) => today.minus({ days: held - i }).set({ hour: 9 })),
    ...Array.from({ length: upcoming }, (_, i) => today.plus({ days: i + 2 }).set({ hour: 9 })),
  ]
  const sessions =
    slots.length === 0
      ? []
      : await db
          .table('cohort_sessions')
          .insert(
            slots.map((startsAt) => ({
              cohort_id: cohort.id,
              starts_at: startsAt.toJSDate(),
              ends_at: startsAt.plus({ hours: 3 }).toJSDate(),
              topic: JSON.stringify({}),
            }))
          )
          .returning('id')
  const enrolments: Enrolment[] = []
  const trainees: User[] = []
  for (const attributes of options.trainees ?? [{}]) {
    const trainee = await UserFactory.merge({ roles: ['trainee'], ...attributes }).create()
    trainees.push(trainee)
    enrolments.push(
      await enrolmentIn(cohort, trainee.id, { gender: 'female', region: 'souss_massa' })
    )
  }
  cohort.seatsTaken = enrolments.length
  await cohort.save()
  return {
    institute,
    cohort,
    sessionIds: sessions.map((row: { id: number }) => row.id),
    heldIds: sessions.slice(0, held).map((row: { id: number }) => row.id),
    enrolments,
    trainees,
  }
}

/** Marks the given enrolments present at the given sessions. */
export async function attend(
  sessionIds: number[],
  enrolmentIds: number[],
  markedBy: number,
  present = true
) {
  const rows = sessionIds.flatMap((sessionId) =>
    enrolmentIds.map((enrolmentId) => ({
      session_id: sessionId,
      enrolment_id: enrolmentId,
      present,
      marked_by: markedBy,
      marked_at: new Date(),
    }))
  )
  if (rows.length > 0) await db.table('attendances').multiInsert(rows)
}

export { userWithRoles }
