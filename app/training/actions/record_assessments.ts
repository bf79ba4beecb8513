import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import Cohort from '#training/models/cohort'

export interface AssessmentResult {
  enrolmentId: number
  score: number | null
  passed: boolean
}

/**
 * Records the final assessment of a cohort's accepted trainees in one transaction.
 * Results for enrolments that are not accepted in this cohort are ignored.
 */
export class RecordAssessments {
  async handle(cohortId: number, results: AssessmentResult[], actor: Actor) {
    return db.transaction(async (client) => {
      const cohort = await Cohort.query({ client }).where('id', cohortId).forUpdate().firstOrFail()
      if (cohort.state === 'closed') {
        throw new DomainError('institute.errors.cohort_closed', { status: 409 })
      }
      const acceptedRows: Array<{ id: number }> = await client
        .from('enrolments')
        .where({ cohort_id: cohort.id, state: 'accepted' })
        .select('id')
      const accepted = new Set(acceptedRows.map((row) => row.id))
      const rows = results.filter((result) => accepted.has(result.enrolmentId))
      if (rows.length > 0) {
        // One statement for the whole cohort.
        await client.rawQuery(
          `UPDATE enrolments AS e
              SET assessment_score = v.score, assessment_passed = v.passed, updated_at = now()
             FROM (SELECT * FROM jsonb_to_recordset(?::jsonb)
                     AS x(id int, score numeric, passed boolean)) AS v
            WHERE e.id = v.id AND e.cohort_id = ?`,
          [
            JSON.stringify(
              rows.map((row) => ({ id: row.enrolmentId, score: row.score, passed: row.passed }))
            ),
            cohort.id,
          ]
        )
      }
      await recordAudit(
        {
          actor,
          action: 'cohort.assessments_recorded',
          subjectType: 'cohort',
          subjectId: cohort.id,
          metadata: {
            results: rows.map((row) => [row.enrolmentId, row.score, row.passed]),
          },
        },
        client
      )
      return rows.length
    })
  }
}
