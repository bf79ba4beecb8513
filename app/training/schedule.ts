import { DateTime } from 'luxon'
import { CASABLANCA } from '#core/casablanca_time'

/** Luxon weekday numbers: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

export interface WeeklyPattern {
  /** ISO dates, inclusive (the cohort's). */
  startsOn: string
  endsOn: string
  weekdays: number[]
  /** "09:00", wall-clock time in Casablanca. */
  startTime: string
  endTime: string
}

export interface SessionSlot {
  startsAt: DateTime
  endsAt: DateTime
}

/** Upper bound on generated sessions: a year of daily sessions. */
export const MAX_GENERATED_SESSIONS = 366

/**
 * Sessions on the chosen weekdays between two dates, at the same Casablanca wall-clock
 * time each day (the UTC instant moves with the clock changes around Ramadan).
 */
export function weeklySessions(pattern: WeeklyPattern): SessionSlot[] {
  const first = DateTime.fromISO(pattern.startsOn, { zone: CASABLANCA })
  const last = DateTime.fromISO(pattern.endsOn, { zone: CASABLANCA })
  const [startHour, startMinute] = pattern.startTime.split(':').map(Number)
  const [endHour, endMinute] = pattern.endTime.split(':').map(Number)
  const slots: SessionSlot[] = []
  for (let day = first; day <= last && slots.length < MAX_GENERATED_SESSIONS;) {
    if (pattern.weekdays.includes(day.weekday)) {
      slots.push({
        startsAt: day.set({ hour: startHour, minute: startMinute }).toUTC(),
        endsAt: day.set({ hour: endHour, minute: endMinute }).toUTC(),
      })
    }
    day = day.plus({ days: 1 })
  }
  return slots
}
