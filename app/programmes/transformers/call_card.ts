import type { OpenCallRow } from '#programmes/open_calls'
import { timeLeftUntil } from '#programmes/call_window'

/** An open call as the catalogue shows it: the row and the time left before it closes. */
export function callCard(row: OpenCallRow, now: Date) {
  return { ...row, timeLeft: timeLeftUntil(row.closes_at, now) }
}
