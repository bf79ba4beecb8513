import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Enrolment from '#training/models/enrolment'
import { DomainError } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { LIVE_STATES, type EnrolmentState } from '#training/enrolment_eligibility'
import { lockCohort } from '#training/seat_allocation'
import { notifyEnrolments, promoteIntoFreedSeat } from '#training/actions/promote_waitlist'

/**
 * A trainee withdraws. Under the cohort's lock (taken first, like every seat change), the
 * enrolment leaves its seat or the waitlist; a freed seat goes to exactly one waitlisted
 * trainee, the first in line, told by email after the commit.
 */
export class WithdrawEnrolment {
  async handle(enrolmentId: number, actor: Actor, now: DateTime = DateTime.utc()) {
    const { enrolment, promoted } = await db.transaction(async (client) => {
      const { cohort_id: cohortId } = await client
        .from('enrolments')
        .where('id', enrolmentId)
        .select('cohort_id')
        .firstOrFail()
      const cohort = await lockCohort(client, cohortId)
      const locked = await Enrolment.query({ client })
        .where('id', enrolmentId)
        .forUpdate()
        .firstOrFail()
      const from = locked.state as EnrolmentState
      if (!LIVE_STATES.includes(from) || cohort.state === 'closed') {
        throw new DomainError('training.withdrawal.errors.not_live', { status: 409 })
      }
      locked.merge({ state: 'withdrawn', waitlistPosition: null, withdrawnAt: now })
      await locked.save()
      await recordAudit(
        {
          actor,
          action: 'enrolment.withdrawn',
          subjectType: 'enrolment',
          subjectId: locked.id,
          fromState: from,
          toState: 'withdrawn',
          metadata: { cohortId },
        },
        client
      )
      let promotedId: number | null = null
      if (from === 'accepted') {
        await client.rawQuery(
          `UPDATE cohorts SET seats_taken = seats_taken - 1, updated_at = now() WHERE id = ?`,
          [cohortId]
        )
        promotedId = await promoteIntoFreedSeat(client, cohortId, actor)
      }
      return { enrolment: locked, promoted: promotedId }
    })
    if (promoted !== null) await notifyEnrolments([promoted], 'promoted')
    return { enrolment, promoted }
  }
}
