import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import Cohort from '#training/models/cohort'
import type CohortSession from '#training/models/cohort_session'

/**
 * Records one session's attendance for every accepted trainee at once: those listed are
 * present, the others absent. One upsert in one transaction; marking the same list again
 * leaves the same rows.
 */
export class MarkAttendance {
  async handle(session: CohortSession, presentEnrolmentIds: number[], actor: Actor) {
    if (session.startsAt > DateTime.now()) {
      throw new DomainError('institute.errors.session_not_started', { status: 409 })
    }
    return db.transaction(async (client) => {
      // The cohort's lock orders this against its closing.
      const cohort = await Cohort.query({ client })
        .where('id', session.cohortId)
        .forUpdate()
        .firstOrFail()
      if (cohort.state === 'closed') {
        throw new DomainError('institute.errors.cohort_closed', { status: 409 })
      }
      const acceptedRows: Array<{ id: number }> = await client
        .from('enrolments')
        .where({ cohort_id: cohort.id, state: 'accepted' })
        .orderBy('id')
        .select('id')
      const accepted = acceptedRows.map((row) => row.id)
      const present = new Set(presentEnrolmentIds)
      const markedAt = new Date()
      if (accepted.length > 0) {
        await client
          .insertQuery()
          .table('attendances')
          .insert(
            accepted.map((enrolmentId) => ({
              session_id: session.id,
              enrolment_id: enrolmentId,
              present: present.has(enrolmentId),
              marked_by: actor.id,
              marked_at: markedAt,
            }))
          )
          .knexQuery.onConflict(['session_id', 'enrolment_id'])
          .merge(['present', 'marked_by', 'marked_at'])
      }
      const presentCount = accepted.filter((id) => present.has(id)).length
      await recordAudit(
        {
          actor,
          action: 'cohort_session.attendance_marked',
          subjectType: 'cohort_session',
          subjectId: session.id,
          metadata: {
            cohortId: cohort.id,
            present: presentCount,
            absent: accepted.length - presentCount,
          },
        },
        client
      )
      return { present: presentCount, absent: accepted.length - presentCount }
    })
  }
}
