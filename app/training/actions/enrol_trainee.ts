import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Cohort from '#training/models/cohort'
import Enrolment from '#training/models/enrolment'
import type User from '#identity/models/user'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { DomainError } from '#core/exceptions/domain_error'
import { hasPassed } from '#core/casablanca_time'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { demographicsOf } from '#training/enrolment_form'
import { evaluateEnrolment, type EnrolmentState } from '#training/enrolment_eligibility'
import { lockCohort, nextWaitlistPosition, takeSeat } from '#training/seat_allocation'

/** Postgres refusals that are the trainee's situation, not a bug: said in their language. */
const CONSTRAINT_ERRORS: Record<string, string> = {
  enrolments_no_overlap: 'training.enrolment.errors.overlap',
  enrolments_one_per_cohort: 'training.enrolment.errors.already_enrolled',
}

/**
 * A trainee enrols in an open cohort with the enrolment form's answers (validated).
 * The cohort's rules decide eligibility (an ineligible enrolment is kept, with why);
 * then, first come first served, a seat is taken with a guarded UPDATE or the trainee
 * joins the end of the waitlist; by merit, the enrolment waits for the selection.
 * One transaction: the seat, the row and its audit entry exist together or not at all.
 */
export class EnrolTrainee {
  async handle(
    cohortId: number,
    trainee: User,
    answers: FormAnswers,
    actor: Actor,
    now: DateTime = DateTime.utc()
  ): Promise<Enrolment> {
    const cohort = await Cohort.find(cohortId)
    if (!cohort) throw new DomainError('training.enrolment.errors.not_found', { status: 404 })
    assertOpen(cohort, now)
    const evaluation = evaluateEnrolment(cohort.eligibilityRules, answers, cohort.startsOn, now)

    try {
      return await db.transaction(async (client) => {
        await assertNotEnrolled(client, cohort.id, trainee.id)
        let state: EnrolmentState
        let waitlistPosition: number | null = null
        if (evaluation && !evaluation.eligible) {
          state = 'ineligible'
        } else if (cohort.selection === 'merit') {
          state = 'pending'
        } else {
          ;({ state, waitlistPosition } = await seatOrWaitlist(client, cohort.id))
        }
        const enrolment = await Enrolment.create(
          {
            cohortId: cohort.id,
            traineeId: trainee.id,
            state,
            waitlistPosition,
            score: evaluation?.score ?? null,
            answers,
            evaluation,
            startsOn: cohort.startsOn,
            endsOn: cohort.endsOn,
            ...dates(demographicsOf(answers)),
          },
          { client }
        )
        await recordAudit(
          {
            actor,
            action: 'enrolment.created',
            subjectType: 'enrolment',
            subjectId: enrolment.id,
            toState: state,
            metadata: { cohortId: cohort.id, waitlistPosition, score: enrolment.score },
          },
          client
        )
        return enrolment
      })
    } catch (error) {
      const key = CONSTRAINT_ERRORS[(error as { constraint?: string }).constraint ?? '']
      if (key) throw new DomainError(key, { status: 409 })
      throw error
    }
  }
}

function assertOpen(cohort: Cohort, now: DateTime) {
  if (cohort.state !== 'open' || hasPassed(cohort.enrolmentClosesAt, now)) {
    throw new DomainError('training.enrolment.errors.closed', { status: 409 })
  }
}

/** A friendly refusal before the unique index would refuse it anyway. */
async function assertNotEnrolled(
  client: TransactionClientContract,
  cohortId: number,
  traineeId: number
) {
  const live = await client
    .from('enrolments')
    .where({ cohort_id: cohortId, trainee_id: traineeId })
    .whereNotIn('state', ['withdrawn', 'ineligible'])
    .select('id')
    .first()
  if (live) throw new DomainError('training.enrolment.errors.already_enrolled', { status: 409 })
}

/**
 * A seat if one is left, else the next place on the waitlist. A seat freed between the
 * failed UPDATE and the lock is seen under the lock and taken, rather than waitlisting
 * someone while a seat stands empty.
 */
async function seatOrWaitlist(client: TransactionClientContract, cohortId: number) {
  if (await takeSeat(client, cohortId)) {
    return { state: 'accepted' as const, waitlistPosition: null }
  }
  const cohort = await lockCohort(client, cohortId)
  if (cohort.state !== 'open') {
    throw new DomainError('training.enrolment.errors.closed', { status: 409 })
  }
  if (cohort.seats_taken < cohort.capacity && (await takeSeat(client, cohortId))) {
    return { state: 'accepted' as const, waitlistPosition: null }
  }
  return {
    state: 'waitlisted' as const,
    waitlistPosition: await nextWaitlistPosition(client, cohortId),
  }
}

function dates(demographics: ReturnType<typeof demographicsOf>) {
  return {
    gender: demographics.gender,
    region: demographics.region,
    birthDate: demographics.birthDate ? DateTime.fromISO(demographics.birthDate) : null,
  }
}
