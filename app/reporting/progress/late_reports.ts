import db from '@adonisjs/lucid/services/db'
import { unreportedPeriods } from '#reporting/progress/progress_schedule'
import { nowInCasablanca } from '#core/casablanca_time'

/** The officers' list stops here; the count says how many more there are. */
export const LATE_LIST_LIMIT = 200

/**
 * Progress reports past their due date, with what an officer needs to chase them: the
 * application's reference and title, the call and the beneficiary. Two queries whatever
 * the number of rows.
 */
export async function lateReports() {
  const today = nowInCasablanca().toISODate()!
  const yesterday = nowInCasablanca().minus({ days: 1 }).toISODate()!
  const late = await unreportedPeriods({ dueBy: yesterday, startedBy: today }, LATE_LIST_LIMIT + 1)
  const shown = late.slice(0, LATE_LIST_LIMIT)
  const ids = [...new Set(shown.map((period) => period.agreementId))]
  const details = ids.length
    ? await db
        .from('agreements')
        .join('applications', 'applications.id', 'agreements.application_id')
        .join('calls', 'calls.id', 'agreements.call_id')
        .join('users', 'users.id', 'agreements.beneficiary_id')
        .whereIn('agreements.id', ids)
        .select(
          'agreements.id',
          'agreements.kind',
          'applications.id as application_id',
          'applications.reference',
          'applications.title',
          'applications.organization_id',
          'calls.title as call_title',
          'users.full_name as beneficiary'
        )
    : []
  const byId = new Map(details.map((row) => [row.id, row]))
  return {
    rows: shown.map((period) => ({ ...period, ...byId.get(period.agreementId)! })),
    more: late.length > LATE_LIST_LIMIT,
  }
}
