import type { DateTime } from 'luxon'
import { inCasablanca } from '#core/casablanca_time'

/**
 * The dates relative rules count from ("created less than 5 years before the closing
 * date"), as calendar days in Casablanca: the legal day of the deadline, not UTC's.
 */
export function evaluationContext(closesAt: DateTime, submittedAt: DateTime) {
  return {
    closingDate: inCasablanca(closesAt).toISODate()!,
    submissionDate: inCasablanca(submittedAt).toISODate()!,
  }
}
