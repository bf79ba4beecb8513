import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#identity/models/user'
import Institute from '#training/models/institute'
import Course from '#training/models/course'
import Cohort from '#training/models/cohort'
import { CloseCohort } from '#training/actions/close_cohort'
import { DEMO_PASSWORD } from '#database/seeders/main_seeder'

/** Trainees of the finished demo cohort: name, language, gender, region, attended, passed. */
const GRADUATES = [
  ['Hajar Ouazzani', 'fr', 'female', 'casablanca_settat', 10, true],
  ['أمينة الإدريسي', 'ar', 'female', 'marrakech_safi', 9, true],
  ['ⵜⵉⵍⵉⵍⵉ ⴰⵎⵣⵔⵓⵢ', 'zgh', 'female', 'souss_massa', 8, true],
  ['Yassine Berrada', 'fr', 'male', 'rabat_sale_kenitra', 6, true],
  ['Omar Fassi', 'en', 'male', 'fes_meknes', 10, true],
  ['Sara El Khatib', 'fr', 'female', 'oriental', 10, false],
] as const

/**
 * A finished AI cohort of the demo institute, closed by coordinator@: four trainees
 * certified (one in each language), one short of attendance, one who failed the
 * assessment, so /institute and /training/numbers are not empty and /verify has codes to
 * check (listed on the cohort's page). Does nothing without the demo institute.
 */
export async function seedTrainingResults(client: TransactionClientContract) {
  const coordinator = await User.query({ client })
    .where('email', 'coordinator@manassa.test')
    .first()
  if (!coordinator?.instituteId) return
  const institute = await Institute.findOrFail(coordinator.instituteId, { client })
  const course = await Course.create(
    {
      instituteId: institute.id,
      code: 'JZ-DEMO-AI-101',
      title: {
        fr: 'Fondamentaux de l’apprentissage automatique',
        ar: 'أساسيات التعلم الآلي',
        zgh: 'ⵉⵙⵓⵔⴰ ⵏ ⵓⵍⵎⵎⵓⴷ ⴰⵎⴰⵙⵉⵏ',
        en: 'Machine learning foundations',
      },
      summary: { fr: 'Régression, classification, évaluation et mise en production.' },
      prerequisites: { fr: 'Bases de Python et de statistiques.' },
      track: 'ai',
      level: 'beginner',
      language: 'fr',
      attendanceThreshold: 80,
      hours: 60,
    },
    { client }
  )
  const startsOn = DateTime.utc().minus({ months: 3 }).startOf('week')
  const cohort = await Cohort.create(
    {
      courseId: course.id,
      instituteId: institute.id,
      state: 'running',
      startsOn,
      endsOn: startsOn.plus({ weeks: 5 }).minus({ days: 3 }),
      enrolmentClosesAt: startsOn.minus({ weeks: 1 }),
      capacity: 20,
      seatsTaken: GRADUATES.length,
      mode: 'on_site',
      selection: 'fcfs',
      eligibilityRules: null,
    },
    { client }
  )
  // Ten sessions: Mondays and Thursdays, 9:00–12:00 (08:00 UTC).
  const sessions = await client
    .table('cohort_sessions')
    .multiInsert(
      Array.from({ length: 10 }, (_, index) => {
        const day = startsOn.plus({ weeks: Math.floor(index / 2), days: index % 2 === 0 ? 0 : 3 })
        return {
          cohort_id: cohort.id,
          starts_at: day.set({ hour: 8 }).toJSDate(),
          ends_at: day.set({ hour: 11 }).toJSDate(),
          topic: JSON.stringify({}),
        }
      })
    )
    .returning('id')
  const verifiedAt = DateTime.utc()
  for (const [index, [fullName, locale, gender, region, attended, passed]] of GRADUATES.entries()) {
    const trainee = await User.create(
      {
        email: `graduate${index + 1}@manassa.test`,
        fullName,
        password: DEMO_PASSWORD,
        roles: ['trainee'],
        preferredLocale: locale,
        emailVerifiedAt: verifiedAt,
      },
      { client }
    )
    const [enrolment] = await client
      .table('enrolments')
      .insert({
        cohort_id: cohort.id,
        trainee_id: trainee.id,
        state: 'accepted',
        answers: JSON.stringify({}),
        starts_on: cohort.startsOn.toISODate(),
        ends_on: cohort.endsOn.toISODate(),
        gender,
        region,
        assessment_score: passed ? 70 + index * 4 : 42,
        assessment_passed: passed,
        created_at: verifiedAt.toJSDate(),
        updated_at: verifiedAt.toJSDate(),
      })
      .returning('id')
    await client.table('attendances').multiInsert(
      sessions.map((session: { id: number }, position: number) => ({
        session_id: session.id,
        enrolment_id: enrolment.id,
        present: position < attended,
        marked_by: coordinator.id,
        marked_at: verifiedAt.toJSDate(),
      }))
    )
  }
  await new CloseCohort().handle(cohort.id, { id: coordinator.id }, client)
}
