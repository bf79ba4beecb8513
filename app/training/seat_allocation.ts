import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/*
| Seats of a cohort (DESIGN §7, §10): `cohorts.seats_taken` only moves through a guarded
| UPDATE or under the cohort's row lock, the CHECK (seats_taken <= capacity) and the
| unique waitlist positions backing both. Every function takes the caller's transaction.
*/

/**
 * Takes one seat if one is left: a single conditional UPDATE, so concurrent enrolments
 * can never overbook, and the cohort's row stays locked until the transaction ends.
 */
export async function takeSeat(client: TransactionClientContract, cohortId: number) {
  const result = await client.rawQuery<{ rows: Array<{ seats_taken: number }> }>(
    `UPDATE cohorts SET seats_taken = seats_taken + 1, updated_at = now()
     WHERE id = ? AND state = 'open' AND seats_taken < capacity
     RETURNING seats_taken`,
    [cohortId]
  )
  return result.rows.length === 1
}

/** Locks the cohort's row (waitlist and seat changes are serialised on it). */
export async function lockCohort(client: TransactionClientContract, cohortId: number) {
  const result = await client.rawQuery<{
    rows: Array<{ id: number; state: string; capacity: number; seats_taken: number }>
  }>(`SELECT id, state, capacity, seats_taken FROM cohorts WHERE id = ? FOR UPDATE`, [cohortId])
  return result.rows[0]
}

/**
 * The position after the last one on the cohort's waitlist. Only call it holding the
 * cohort's lock: positions then never collide and keep the order of arrival.
 */
export async function nextWaitlistPosition(client: TransactionClientContract, cohortId: number) {
  const result = await client.rawQuery<{ rows: Array<{ next: number }> }>(
    `SELECT COALESCE(MAX(waitlist_position), 0) + 1 AS next
     FROM enrolments WHERE cohort_id = ? AND waitlist_position IS NOT NULL`,
    [cohortId]
  )
  return Number(result.rows[0].next)
}

/**
 * Gives a freed seat to the first trainee on the waitlist, if any. Call it holding the
 * cohort's lock, after the seat was released: it takes the seat back for them.
 * Returns the promoted enrolment's id, or null when nobody was waiting.
 */
export async function promoteFirstWaitlisted(
  client: TransactionClientContract,
  cohortId: number
): Promise<number | null> {
  const result = await client.rawQuery<{ rows: Array<{ id: number }> }>(
    `UPDATE enrolments SET state = 'accepted', waitlist_position = NULL, updated_at = now()
     WHERE id = (
       SELECT id FROM enrolments
       WHERE cohort_id = ? AND state = 'waitlisted'
       ORDER BY waitlist_position ASC
       LIMIT 1
       FOR UPDATE
     )
     RETURNING id`,
    [cohortId]
  )
  const promoted = result.rows[0]?.id ?? null
  if (promoted !== null) {
    await client.rawQuery(
      `UPDATE cohorts SET seats_taken = seats_taken + 1, updated_at = now() WHERE id = ?`,
      [cohortId]
    )
  }
  return promoted
}

/** A pending enrolment of a merit-selected cohort, as the ranking sees it. */
export interface MeritCandidate {
  id: number
  score: number | null
  createdAt: number
}

export interface MeritOutcome {
  accepted: number[]
  /** In waitlist order (the first is promoted first). */
  waitlisted: number[]
}

/**
 * Ranks candidates by score (highest first; no score ranks last), ties broken by who
 * enrolled first, then by id so the order is total; the first `freeSeats` are accepted.
 */
export function rankByMerit(candidates: MeritCandidate[], freeSeats: number): MeritOutcome {
  const ranked = [...candidates].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.createdAt - b.createdAt || a.id - b.id
  )
  const seats = Math.max(0, Math.min(freeSeats, ranked.length))
  return {
    accepted: ranked.slice(0, seats).map((candidate) => candidate.id),
    waitlisted: ranked.slice(seats).map((candidate) => candidate.id),
  }
}
