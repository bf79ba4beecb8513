import { DateTime } from 'luxon'

/** Where a call's application window stands at a given instant (server clock). */
export type CallWindowStatus = 'not_open_yet' | 'open' | 'closed'

/** A remaining duration in its largest whole unit, e.g. 3 days or 5 hours. */
export interface TimeLeft {
  unit: 'day' | 'hour' | 'minute'
  count: number
}

export interface CallWindow {
  status: CallWindowStatus
  /** Until the window opens (not_open_yet) or closes (open); null once closed. */
  timeLeft: TimeLeft | null
}

type Instant = DateTime | Date

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function millisOf(value: Instant) {
  return value instanceof Date ? value.getTime() : value.toMillis()
}

/**
 * The time left in its largest whole unit, rounded down (a deadline never looks further
 * away than it is): 3 days 20 hours → 3 days; 59 minutes → 59 minutes; 20 s → 1 minute.
 */
export function timeLeftUntil(target: Instant, now: Instant): TimeLeft | null {
  const left = millisOf(target) - millisOf(now)
  if (left <= 0) return null
  if (left >= DAY) return { unit: 'day', count: Math.floor(left / DAY) }
  if (left >= HOUR) return { unit: 'hour', count: Math.floor(left / HOUR) }
  return { unit: 'minute', count: Math.max(1, Math.floor(left / MINUTE)) }
}

/**
 * Open means published and inside [opensAt, closesAt): the closing instant itself is
 * already closed, as submission enforces it.
 */
export function callWindow(
  call: { state: string; opensAt: Instant | null; closesAt: Instant | null },
  now: Instant = DateTime.utc()
): CallWindow {
  if (call.state !== 'open' || !call.opensAt || !call.closesAt) {
    return { status: 'closed', timeLeft: null }
  }
  if (millisOf(now) < millisOf(call.opensAt)) {
    return { status: 'not_open_yet', timeLeft: timeLeftUntil(call.opensAt, now) }
  }
  const timeLeft = timeLeftUntil(call.closesAt, now)
  return timeLeft ? { status: 'open', timeLeft } : { status: 'closed', timeLeft: null }
}

/** Call states in which an applicant's own extended deadline still lets them submit. */
const EXTENSIBLE_STATES = ['open', 'closed']

/**
 * Whether a draft may be submitted at `now`: the call is open and its closing instant has
 * not passed, or an officer extended this application's deadline (issue 14) and that
 * later instant has not passed, even once the call itself closed (not once decided).
 */
export function acceptsSubmission(
  call: { state: string; closesAt: Instant },
  extendedUntil: Instant | null,
  now: DateTime
) {
  const before = (deadline: Instant) => now.toMillis() <= millisOf(deadline)
  if (call.state === 'open' && before(call.closesAt)) return true
  return extendedUntil !== null && EXTENSIBLE_STATES.includes(call.state) && before(extendedUntil)
}
