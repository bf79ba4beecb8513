import db from '@adonisjs/lucid/services/db'
import type Cohort from '#training/models/cohort'
import CohortSession from '#training/models/cohort_session'
import { attendanceRate } from '#training/completion'

/** A row of the coordinator's enrolment table. */
export interface EnrolmentRow {
  id: number
  traineeName: string
  state: string
  waitlistPosition: number | null
  score: number | null
  assessmentScore: number | null
  assessmentPassed: boolean | null
  present: number
  attendance: number | null
  certificateId: number | null
  certificateCode: string | null
  certificateRevoked: boolean
}

/**
 * What the coordinator's cohort page shows: sessions and every enrolment with its
 * attendance so far and its certificate, in three queries whatever the cohort's size.
 */
export async function cohortOverview(cohort: Cohort) {
  const sessions = await CohortSession.query().where('cohort_id', cohort.id).orderBy('starts_at')
  const now = Date.now()
  const held = sessions.filter((session) => session.startsAt.toMillis() <= now).length
  const rows = await db
    .from('enrolments')
    .join('users', 'users.id', 'enrolments.trainee_id')
    .leftJoin('certificates', 'certificates.enrolment_id', 'enrolments.id')
    .where('enrolments.cohort_id', cohort.id)
    .select(
      'enrolments.id',
      'users.full_name',
      'enrolments.state',
      'enrolments.waitlist_position',
      'enrolments.score',
      'enrolments.assessment_score',
      'enrolments.assessment_passed',
      'certificates.id as certificate_id',
      'certificates.code as certificate_code',
      'certificates.revoked_at'
    )
    .select(
      db.raw(
        `(SELECT count(*) FROM attendances a JOIN cohort_sessions s ON s.id = a.session_id
           WHERE a.enrolment_id = enrolments.id AND a.present AND s.starts_at <= now())::int AS present`
      )
    )
    .orderByRaw(
      `CASE enrolments.state WHEN 'accepted' THEN 0 WHEN 'completed' THEN 0 WHEN 'failed' THEN 0
         WHEN 'waitlisted' THEN 1 ELSE 2 END, enrolments.waitlist_position NULLS LAST, users.full_name`
    )
  const enrolments: EnrolmentRow[] = rows.map((row: Record<string, any>) => ({
    id: row.id,
    traineeName: row.full_name,
    state: row.state,
    waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
    score: row.score === null ? null : Number(row.score),
    assessmentScore: row.assessment_score === null ? null : Number(row.assessment_score),
    assessmentPassed: row.assessment_passed,
    present: row.present,
    attendance: attendanceRate(row.present, held),
    certificateId: row.certificate_id,
    certificateCode: row.certificate_code,
    certificateRevoked: row.revoked_at !== null,
  }))
  return { sessions, held, enrolments }
}

/** The accepted trainees of a cohort with their mark for one session (present or not). */
export async function sessionRoster(cohortId: number, sessionId: number) {
  return db
    .from('enrolments')
    .join('users', 'users.id', 'enrolments.trainee_id')
    .leftJoin('attendances', (join) => {
      join
        .on('attendances.enrolment_id', 'enrolments.id')
        .andOnVal('attendances.session_id', sessionId)
    })
    .where({ 'enrolments.cohort_id': cohortId, 'enrolments.state': 'accepted' })
    .orderBy('users.full_name')
    .select('enrolments.id', 'users.full_name as name', 'attendances.present')
}
