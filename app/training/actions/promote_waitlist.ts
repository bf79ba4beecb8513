import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Enrolment from '#training/models/enrolment'
import EnrolmentMail, { type EnrolmentNotice } from '#training/mails/enrolment_mail'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { lockCohort, promoteFirstWaitlisted } from '#training/seat_allocation'

/**
 * Promotes the first waitlisted trainee into a seat just freed, inside the caller's
 * transaction (which holds the cohort's lock and released the seat). Returns the
 * promoted enrolment's id; tell them with `notifyEnrolments` once committed.
 */
export async function promoteIntoFreedSeat(
  client: TransactionClientContract,
  cohortId: number,
  actor: Actor
) {
  const promoted = await promoteFirstWaitlisted(client, cohortId)
  if (promoted !== null) {
    await recordAudit(
      {
        actor,
        action: 'enrolment.promoted',
        subjectType: 'enrolment',
        subjectId: promoted,
        fromState: 'waitlisted',
        toState: 'accepted',
        metadata: { cohortId },
      },
      client
    )
  }
  return promoted
}

/**
 * Queues one localized email per enrolment (after the commit that changed them: a
 * rolled-back change never sends anything).
 */
export async function notifyEnrolments(ids: number[], notice: EnrolmentNotice) {
  if (ids.length === 0) return
  const enrolments = await Enrolment.query()
    .whereIn('id', ids)
    .preload('trainee')
    .preload('cohort', (cohort) => cohort.preload('course'))
  for (const enrolment of enrolments) {
    await mail.sendLater(new EnrolmentMail(enrolment.trainee, enrolment, notice))
  }
}

/**
 * Fills every free seat of a cohort from its waitlist, in order (e.g. after its capacity
 * was raised). Each promoted trainee is told by email.
 */
export class PromoteWaitlist {
  async handle(cohortId: number, actor: Actor) {
    const promoted = await db.transaction(async (client) => {
      const cohort = await lockCohort(client, cohortId)
      const ids: number[] = []
      if (!cohort || cohort.state === 'closed') return ids
      for (let free = cohort.capacity - cohort.seats_taken; free > 0; free--) {
        const id = await promoteIntoFreedSeat(client, cohortId, actor)
        if (id === null) break
        ids.push(id)
      }
      return ids
    })
    await notifyEnrolments(promoted, 'promoted')
    return promoted
  }
}
