import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { CASABLANCA } from '#core/casablanca_time'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import Cohort from '#training/models/cohort'
import { weeklySessions, type SessionSlot } from '#training/schedule'
import type { sessionsValidator } from '#training/validators/institute'

type SessionsInput = Infer<typeof sessionsValidator>

/** The slots the coordinator asked for, in Casablanca wall-clock time. */
export function slotsOf(cohort: Cohort, input: SessionsInput): SessionSlot[] {
  if (input.start_time >= input.end_time) {
    throw new InvalidFields([{ field: 'end_time', message: 'institute.errors.end_before_start' }])
  }
  if (input.kind === 'weekly') {
    return weeklySessions({
      startsOn: cohort.startsOn.toISODate()!,
      endsOn: cohort.endsOn.toISODate()!,
      weekdays: input.weekdays ?? [],
      startTime: input.start_time,
      endTime: input.end_time,
    })
  }
  const day = DateTime.fromJSDate(input.date!).toISODate()!
  return weeklySessions({
    startsOn: day,
    endsOn: day,
    weekdays: [DateTime.fromISO(day, { zone: CASABLANCA }).weekday],
    startTime: input.start_time,
    endTime: input.end_time,
  })
}

/**
 * Adds sessions to a cohort's schedule: a weekly pattern between its dates, or one
 * session. A session already scheduled at the same instant is not added twice.
 */
export class AddSessions {
  async handle(cohortId: number, input: SessionsInput, actor: Actor) {
    return db.transaction(async (client) => {
      const cohort = await Cohort.query({ client }).where('id', cohortId).forUpdate().firstOrFail()
      if (cohort.state === 'closed') {
        throw new DomainError('institute.errors.cohort_closed', { status: 409 })
      }
      const slots = slotsOf(cohort, input)
      if (slots.length === 0) {
        throw new InvalidFields([{ field: 'weekdays', message: 'institute.errors.no_sessions' }])
      }
      const scheduled: Array<{ starts_at: Date }> = await client
        .from('cohort_sessions')
        .where('cohort_id', cohort.id)
        .select('starts_at')
      const existing = new Set(scheduled.map((row) => row.starts_at.getTime()))
      const fresh = slots.filter((slot) => !existing.has(slot.startsAt.toMillis()))
      if (fresh.length > 0) {
        await client
          .insertQuery()
          .table('cohort_sessions')
          .multiInsert(
            fresh.map((slot) => ({
              cohort_id: cohort.id,
              starts_at: slot.startsAt.toJSDate(),
              ends_at: slot.endsAt.toJSDate(),
              topic: JSON.stringify({}),
            }))
          )
      }
      await recordAudit(
        {
          actor,
          action: 'cohort.sessions_added',
          subjectType: 'cohort',
          subjectId: cohort.id,
          metadata: { added: fresh.length, kind: input.kind },
        },
        client
      )
      return fresh.length
    })
  }
}
