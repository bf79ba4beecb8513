import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Cohort from '#training/models/cohort'
import { DomainError } from '#core/exceptions/domain_error'
import { hasPassed } from '#core/casablanca_time'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { lockCohort, nextWaitlistPosition, rankByMerit } from '#training/seat_allocation'
import { notifyEnrolments } from '#training/actions/promote_waitlist'

export interface MeritSelection {
  accepted: number[]
  waitlisted: number[]
}

/**
 * The coordinator's selection of a merit-ranked cohort, once enrolment has closed: the
 * pending enrolments are ranked by score (ties: who enrolled first, then id), the free
 * seats go to the best, the others join the waitlist in rank order. One transaction
 * under the cohort's lock; running it again finds nobody pending and changes nothing.
 * Each trainee is told the outcome by email after the commit.
 */
export class SelectByMerit {
  async handle(
    cohortId: number,
    actor: Actor,
    now: DateTime = DateTime.utc()
  ): Promise<MeritSelection> {
    const selection = await db.transaction(async (client) => {
      const cohort = await Cohort.query({ client }).where('id', cohortId).firstOrFail()
      if (cohort.selection !== 'merit') {
        throw new DomainError('training.selection_run.errors.not_merit', { status: 409 })
      }
      if (!hasPassed(cohort.enrolmentClosesAt, now)) {
        throw new DomainError('training.selection_run.errors.still_open', { status: 409 })
      }
      const seats = await lockCohort(client, cohortId)
      if (seats.state === 'closed') {
        throw new DomainError('training.selection_run.errors.closed', { status: 409 })
      }
      const pending = await client
        .from('enrolments')
        .where({ cohort_id: cohortId, state: 'pending' })
        .select('id', 'score', 'created_at')
        .forUpdate()
      const outcome = rankByMerit(
        pending.map((row) => ({
          id: row.id,
          score: row.score,
          createdAt: new Date(row.created_at).getTime(),
        })),
        seats.capacity - seats.seats_taken
      )
      if (outcome.accepted.length > 0) {
        await client.rawQuery(
          `UPDATE enrolments SET state = 'accepted', updated_at = now() WHERE id = ANY(?)`,
          [outcome.accepted]
        )
        await client.rawQuery(
          `UPDATE cohorts SET seats_taken = seats_taken + ?, updated_at = now() WHERE id = ?`,
          [outcome.accepted.length, cohortId]
        )
      }
      if (outcome.waitlisted.length > 0) {
        const first = await nextWaitlistPosition(client, cohortId)
        await client.rawQuery(
          `UPDATE enrolments e SET state = 'waitlisted', waitlist_position = ranked.position,
             updated_at = now()
           FROM unnest(?::int[], ?::bigint[]) AS ranked(id, position)
           WHERE e.id = ranked.id`,
          [outcome.waitlisted, outcome.waitlisted.map((_, index) => first + index)]
        )
      }
      await recordAudit(
        {
          actor,
          action: 'cohort.merit_selection',
          subjectType: 'cohort',
          subjectId: cohortId,
          metadata: { accepted: outcome.accepted, waitlisted: outcome.waitlisted },
        },
        client
      )
      return outcome
    })
    await notifyEnrolments(selection.accepted, 'selected')
    await notifyEnrolments(selection.waitlisted, 'waitlisted')
    return selection
  }
}
