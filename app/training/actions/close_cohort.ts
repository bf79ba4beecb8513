import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import Cohort from '#training/models/cohort'
import Course from '#training/models/course'
import { cohortLifecycle, type CohortState } from '#training/cohort_lifecycle'
import { completionOf } from '#training/completion'
import { issueCertificates } from '#training/actions/issue_certificates'
import { afterCommit, inTransaction } from '#core/transactions'
import { notifyCertified } from '#training/mails/certificate_mail'

export interface ClosingResult {
  cohort: Cohort
  completed: number
  failed: number
  certificates: number
  /** The cohort was already closed: nothing was changed. */
  alreadyClosed: boolean
}

/**
 * Closes a cohort: each accepted trainee completes or fails by the course's rule
 * (attendance at the sessions held so far, final assessment), and the completed receive
 * their certificates, then a mail with its link once the closing is committed. One
 * transaction under the cohort's row lock; closing a closed cohort again changes nothing.
 */
export class CloseCohort {
  /** `client`: the caller's transaction (the demo seed), else one of its own. */
  async handle(
    cohortId: number,
    actor: Actor,
    outerClient?: TransactionClientContract
  ): Promise<ClosingResult> {
    const { result, certified } = await inTransaction(outerClient, (client) =>
      this.close(cohortId, actor, client)
    )
    await afterCommit(outerClient, () => notifyCertified(certified))
    return result
  }

  private async close(cohortId: number, actor: Actor, client: TransactionClientContract) {
    const cohort = await Cohort.query({ client }).where('id', cohortId).forUpdate().firstOrFail()
    if (cohort.state === 'closed') {
      const result: ClosingResult = {
        cohort,
        completed: 0,
        failed: 0,
        certificates: 0,
        alreadyClosed: true,
      }
      return { result, certified: [] as number[] }
    }
    const course = await Course.query({ client }).where('id', cohort.courseId).firstOrFail()
    const closedAt = new Date()

    const [held] = await client
      .from('cohort_sessions')
      .where('cohort_id', cohort.id)
      .where('starts_at', '<=', closedAt)
      .count('* as total')
    const heldSessions = Number(held.total)
    const trainees: Array<{
      id: number
      present: number | string
      assessment_passed: boolean | null
    }> = await client
      .from('enrolments')
      .leftJoin('attendances', (join) => {
        join.on('attendances.enrolment_id', 'enrolments.id').andOnVal('attendances.present', true)
      })
      .leftJoin('cohort_sessions', (join) => {
        join
          .on('cohort_sessions.id', 'attendances.session_id')
          .andOnVal('cohort_sessions.starts_at', '<=', closedAt)
      })
      .where('enrolments.cohort_id', cohort.id)
      .where('enrolments.state', 'accepted')
      .groupBy('enrolments.id', 'enrolments.assessment_passed')
      .select('enrolments.id', 'enrolments.assessment_passed')
      .count('cohort_sessions.id as present')

    const completed: number[] = []
    const failed: number[] = []
    for (const trainee of trainees) {
      const outcome = completionOf({
        presentSessions: Number(trainee.present),
        heldSessions,
        threshold: course.attendanceThreshold,
        assessmentPassed: trainee.assessment_passed,
      })
      ;(outcome === 'completed' ? completed : failed).push(trainee.id)
    }
    if (completed.length > 0) {
      await client
        .from('enrolments')
        .whereIn('id', completed)
        .update({ state: 'completed', completed_at: closedAt, updated_at: closedAt })
    }
    if (failed.length > 0) {
      await client
        .from('enrolments')
        .whereIn('id', failed)
        .update({ state: 'failed', updated_at: closedAt })
    }
    const certified = await issueCertificates(cohort.id, client)
    const certificates = certified.length

    cohort.merge({ closedAt: DateTime.fromJSDate(closedAt) })
    await cohortLifecycle.apply(cohort as Cohort & { state: CohortState }, 'closed', {
      actor,
      client,
      metadata: { heldSessions, completed, failed, certificates },
    })
    await recordAudit(
      {
        actor,
        action: 'cohort.certificates_issued',
        subjectType: 'cohort',
        subjectId: cohort.id,
        metadata: { certificates },
      },
      client
    )
    const result: ClosingResult = {
      cohort,
      completed: completed.length,
      failed: failed.length,
      certificates,
      alreadyClosed: false,
    }
    return { result, certified }
  }
}
