import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Institute from '#training/models/institute'
import Course from '#training/models/course'
import Cohort from '#training/models/cohort'
import CohortSession from '#training/models/cohort_session'
import Enrolment from '#training/models/enrolment'
import type { FormAnswers } from '#programmes/forms/form_definition'

/*
| Jazari institutes, courses, cohorts (with their sessions) and enrolments. Shared by
| the catalogue/enrolment tests and the coordinators' ones: keep it general.
*/

export const InstituteFactory = factory
  .define(Institute, ({ faker }) => ({
    name: `Institut Jazari ${faker.location.city()} ${faker.string.alphanumeric(4)}`,
    city: faker.location.city(),
    region: 'casablanca_settat',
  }))
  .build()

export const CourseFactory = factory
  .define(Course, ({ faker }) => ({
    code: `JZ-${faker.string.alphanumeric(10).toUpperCase()}`,
    title: { fr: 'Apprentissage automatique appliqué', en: 'Applied machine learning' },
    summary: { fr: 'Modèles supervisés, évaluation, mise en production.' },
    track: 'ai',
    level: 'beginner',
    language: 'fr',
    prerequisites: { fr: 'Bases de Python.' },
    attendanceThreshold: 80,
    hours: 120,
  }))
  .relation('institute', () => InstituteFactory)
  .build()

export const CohortSessionFactory = factory
  .define(CohortSession, () => {
    const startsAt = DateTime.utc().plus({ days: 40 }).set({ hour: 9, minute: 0, second: 0 })
    return { startsAt, endsAt: startsAt.plus({ hours: 3 }), topic: { fr: 'Séance' } }
  })
  .build()

/**
 * A cohort open for enrolment (closing in 30 days, starting in 40, 30 seats, first come
 * first served, no rules). `.with('sessions', n)` adds sessions; pass `courseId` and
 * `instituteId` to place it, or use `cohortOf()`.
 */
export const CohortFactory = factory
  .define(Cohort, () => ({
    state: 'open',
    startsOn: DateTime.utc().plus({ days: 40 }).startOf('day'),
    endsOn: DateTime.utc().plus({ days: 70 }).startOf('day'),
    enrolmentClosesAt: DateTime.utc().plus({ days: 30 }),
    capacity: 30,
    seatsTaken: 0,
    mode: 'on_site',
    selection: 'fcfs',
    eligibilityRules: null,
  }))
  .relation('sessions', () => CohortSessionFactory)
  .state('draft', (cohort) => {
    cohort.state = 'draft'
  })
  .state('merit', (cohort) => {
    cohort.selection = 'merit'
  })
  .state('online', (cohort) => {
    cohort.mode = 'online'
  })
  .build()

export const EnrolmentFactory = factory
  .define(Enrolment, () => ({
    state: 'accepted',
    waitlistPosition: null,
    answers: {},
    evaluation: null,
  }))
  .build()

/**
 * An open cohort of a new course (and institute unless given), with `sessions`
 * sessions a week apart. Attributes override the cohort's defaults; `course` the course's.
 */
export async function cohortOf(
  attributes: Partial<Cohort> = {},
  options: { course?: Partial<Course>; institute?: Institute; sessions?: number } = {}
) {
  const institute = options.institute ?? (await InstituteFactory.create())
  const course = await CourseFactory.merge({
    instituteId: institute.id,
    ...options.course,
  }).create()
  const cohort = await CohortFactory.merge({
    courseId: course.id,
    instituteId: institute.id,
    // A start given alone keeps a 30-day cohort.
    ...(attributes.startsOn && !attributes.endsOn
      ? { endsOn: attributes.startsOn.plus({ days: 30 }) }
      : {}),
    ...attributes,
  }).create()
  const count = options.sessions ?? 0
  if (count > 0) {
    const first = cohort.startsOn.set({ hour: 9 })
    await CohortSessionFactory.merge(
      Array.from({ length: count }, (_, index) => ({
        cohortId: cohort.id,
        startsAt: first.plus({ weeks: index }),
        endsAt: first.plus({ weeks: index, hours: 3 }),
        topic: { fr: `Séance ${index + 1}`, en: `Session ${index + 1}` },
      }))
    ).createMany(count)
  }
  return cohort
}

/**
 * An enrolment of `traineeId` in `cohort`, its dates copied from the cohort as the
 * overlap constraint needs. Does not touch the cohort's seats: for accepted enrolments
 * count them yourself (`cohort.seatsTaken`), or enrol through the EnrolTrainee action.
 */
export function enrolmentIn(
  cohort: Cohort,
  traineeId: number,
  attributes: Partial<Enrolment> = {}
) {
  return EnrolmentFactory.merge({
    cohortId: cohort.id,
    traineeId,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    ...attributes,
  }).create()
}

/** Answers of the enrolment form that pass its validator (a 25-year-old woman from Souss-Massa). */
export function enrolmentAnswers(overrides: Record<string, unknown> = {}): FormAnswers {
  return {
    trainee: {
      birth_date: DateTime.utc().minus({ years: 25 }).toISODate()!,
      gender: 'female',
      region: 'souss_massa',
      education_level: 'bachelor',
      field_of_study: 'Informatique',
      experience_years: 2,
      motivation: 'Je veux devenir ingénieure en apprentissage automatique à Agadir.',
      ...overrides,
    },
  }
}
