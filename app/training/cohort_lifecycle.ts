import db from '@adonisjs/lucid/services/db'
import { StateMachine } from '#core/state_machine'
import type { Actor } from '#core/audit/actor'
import Cohort from '#training/models/cohort'

export const COHORT_STATES = ['draft', 'open', 'running', 'closed'] as const
export type CohortState = (typeof COHORT_STATES)[number]

/**
 * A cohort is prepared as a draft, opened to enrolment, runs, and is closed by its
 * coordinator, which settles every trainee's completion. Closed is final.
 */
export const cohortLifecycle = new StateMachine<CohortState>('cohort', {
  draft: ['open'],
  open: ['running', 'closed'],
  running: ['closed'],
  closed: [],
})

/** Moves a cohort to `to` under its row lock, audited (opening a draft, for one). */
export function moveCohort(cohortId: number, to: CohortState, actor: Actor) {
  return db.transaction(async (client) => {
    const cohort = await Cohort.query({ client }).where('id', cohortId).forUpdate().firstOrFail()
    return cohortLifecycle.apply(cohort as Cohort & { state: CohortState }, to, { actor, client })
  })
}
