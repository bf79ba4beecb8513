import { ProgressReportSchema } from '#database/schema'
import type { RevenueBand } from '#reporting/progress/progress_schedule'

/** What a beneficiary reported for one period of one agreement. */
export default class ProgressReport extends ProgressReportSchema {
  declare revenueBand: RevenueBand
}
