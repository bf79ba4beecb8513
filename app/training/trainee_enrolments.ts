import db from '@adonisjs/lucid/services/db'
import type { LocalizedText } from '#core/i18n/localized_text'
import { attendanceMet, attendanceRate } from '#training/completion'
import type Enrolment from '#training/models/enrolment'
import type Cohort from '#training/models/cohort'
import type Course from '#training/models/course'

export interface TraineeEnrolmentRow {
  id: number
  state: string
  cohort_id: number
  starts_on: string
  ends_on: string
  mode: string
  title: LocalizedText
  institute: string
  city: string
  /** 1 for the next one promoted; null unless waitlisted. */
  waitlist_rank: number | null
  has_certificate: boolean
}

/**
 * A trainee's enrolments, most recent cohort first, with their place in line (those
 * ahead of them still waiting, not the stored position, which keeps gaps) and whether a
 * valid certificate exists. One query.
 */
export async function enrolmentsOf(traineeId: number) {
  const result = await db.rawQuery<{ rows: TraineeEnrolmentRow[] }>(
    `SELECT e.id, e.state, e.cohort_id, ch.starts_on::text AS starts_on,
            ch.ends_on::text AS ends_on, ch.mode, c.title, i.name AS institute, i.city,
            CASE WHEN e.state = 'waitlisted' THEN (
              SELECT count(*)::int FROM enrolments w
              WHERE w.cohort_id = e.cohort_id AND w.state = 'waitlisted'
                AND w.waitlist_position <= e.waitlist_position)
            END AS waitlist_rank,
            EXISTS (SELECT 1 FROM certificates ce
                    WHERE ce.enrolment_id = e.id AND ce.revoked_at IS NULL) AS has_certificate
     FROM enrolments e
     JOIN cohorts ch ON ch.id = e.cohort_id
     JOIN courses c ON c.id = ch.course_id
     JOIN institutes i ON i.id = ch.institute_id
     WHERE e.trainee_id = ?
     ORDER BY ch.starts_on DESC, e.id DESC`,
    [traineeId]
  )
  return result.rows
}

/** The place in line of one waitlisted enrolment (1: next to be promoted). */
export async function waitlistRankOf(cohortId: number, position: number) {
  const row = await db
    .from('enrolments')
    .where({ cohort_id: cohortId, state: 'waitlisted' })
    .where('waitlist_position', '<=', position)
    .count('* as count')
    .first()
  return Number(row?.count ?? 0)
}

/** Why a closed cohort's enrolment ended as it did, for the trainee's page. */
export interface EnrolmentOutcome {
  certificate: { code: string; revoked: boolean } | null
  presentSessions: number
  heldSessions: number
  attendanceRate: number | null
  threshold: number
  attendanceMet: boolean
  assessmentPassed: boolean | null
}

/**
 * The outcome of a completed or failed enrolment, by the same rule and numbers as the
 * closing (sessions started before the cohort closed). Two queries.
 */
export async function enrolmentOutcomeOf(
  enrolment: Enrolment & { cohort: Cohort & { course: Course } }
): Promise<EnrolmentOutcome> {
  const closedAt = enrolment.cohort.closedAt?.toJSDate() ?? new Date()
  const [sessions, certificate] = await Promise.all([
    db
      .from('cohort_sessions')
      .leftJoin('attendances', (join) => {
        join
          .on('attendances.session_id', 'cohort_sessions.id')
          .andOnVal('attendances.enrolment_id', enrolment.id)
          .andOnVal('attendances.present', true)
      })
      .where('cohort_sessions.cohort_id', enrolment.cohortId)
      .where('cohort_sessions.starts_at', '<=', closedAt)
      .select(
        db.raw('count(*)::int AS held'),
        db.raw('count(attendances.session_id)::int AS present')
      )
      .first(),
    db
      .from('certificates')
      .where('enrolment_id', enrolment.id)
      .select('code', 'revoked_at')
      .first(),
  ])
  const input = {
    presentSessions: Number(sessions?.present ?? 0),
    heldSessions: Number(sessions?.held ?? 0),
    threshold: enrolment.cohort.course.attendanceThreshold,
    assessmentPassed: enrolment.assessmentPassed,
  }
  return {
    certificate: certificate
      ? { code: certificate.code, revoked: certificate.revoked_at !== null }
      : null,
    ...input,
    attendanceRate: attendanceRate(input.presentSessions, input.heldSessions),
    attendanceMet: attendanceMet(input),
  }
}
