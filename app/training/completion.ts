/**
 * The completion rule of a Jazari cohort (DESIGN §7): a trainee completes when they were
 * present at enough of the sessions actually held (the course's threshold, in percent)
 * and passed the final assessment. Pure: closing a cohort gathers the numbers.
 */
export interface CompletionInput {
  presentSessions: number
  /** Sessions that had started when the cohort was closed. */
  heldSessions: number
  /** Share of held sessions to attend, in percent (0–100). */
  threshold: number
  /** null while no result was recorded: not passed. */
  assessmentPassed: boolean | null
}

export type CompletionOutcome = 'completed' | 'failed'

/**
 * Integer arithmetic (present × 100 ≥ threshold × held), so 4 of 5 sessions is exactly
 * 80 %. With no session held nothing was attended: only a 0 % threshold is met.
 */
export function attendanceMet({ presentSessions, heldSessions, threshold }: CompletionInput) {
  if (heldSessions === 0) return threshold === 0
  return Math.min(presentSessions, heldSessions) * 100 >= threshold * heldSessions
}

export function completionOf(input: CompletionInput): CompletionOutcome {
  return attendanceMet(input) && input.assessmentPassed === true ? 'completed' : 'failed'
}

/** Attendance as a whole percentage, for the coordinator's tables (null: nothing held). */
export function attendanceRate(presentSessions: number, heldSessions: number) {
  return heldSessions === 0 ? null : Math.floor((presentSessions * 100) / heldSessions)
}
