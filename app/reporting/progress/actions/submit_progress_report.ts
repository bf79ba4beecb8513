import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { DateTime } from 'luxon'
import type Agreement from '#disbursements/models/agreement'
import ProgressReport from '#reporting/progress/models/progress_report'
import { periodsOf } from '#reporting/progress/progress_schedule'
import type { progressReportValidator } from '#reporting/progress/validators/progress_report'
import { InvalidFields } from '#core/exceptions/domain_error'
import { nowInCasablanca } from '#core/casablanca_time'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * The beneficiary reports one period's indicators: a period of the agreement's schedule
 * that has started. A period reported again is corrected in place (unique per agreement
 * and period); both are audited with the figures before and after.
 */
export class SubmitProgressReport {
  async handle(
    agreement: Agreement,
    input: Infer<typeof progressReportValidator>,
    actor: Actor & { id: number }
  ) {
    const periodStart = DateTime.fromJSDate(input.periodStart).toISODate()!
    const periods = await periodsOf(agreement.id, nowInCasablanca())
    const period = periods.find((candidate) => candidate.periodStart === periodStart)
    if (!period || period.status === 'upcoming') {
      throw new InvalidFields([{ field: 'periodStart', message: 'progress.errors.not_a_period' }])
    }
    const figures = {
      jobsCreated: input.jobsCreated,
      revenueBand: input.revenueBand,
      fundsRaisedCentimes: input.fundsRaised,
      teamSize: input.teamSize,
      womenInTeam: input.womenInTeam,
    }
    return db.transaction(async (client) => {
      // The agreement's row lock serialises two submissions of the same period.
      await client.from('agreements').where('id', agreement.id).forUpdate().first()
      const existing = await ProgressReport.query({ client })
        .where({ agreement_id: agreement.id, period_start: periodStart })
        .first()
      const before = existing
        ? {
            jobsCreated: existing.jobsCreated,
            revenueBand: existing.revenueBand,
            fundsRaisedCentimes: existing.fundsRaisedCentimes,
            teamSize: existing.teamSize,
            womenInTeam: existing.womenInTeam,
          }
        : null
      const report = existing ?? new ProgressReport()
      report.useTransaction(client)
      report.merge({
        agreementId: agreement.id,
        periodStart: DateTime.fromISO(periodStart),
        ...figures,
        submittedBy: actor.id,
        submittedAt: DateTime.utc(),
      })
      await report.save()
      await recordAudit(
        {
          actor,
          action: existing ? 'progress_report.corrected' : 'progress_report.submitted',
          subjectType: 'agreement',
          subjectId: agreement.id,
          metadata: { periodStart, before, after: figures },
        },
        client
      )
      return { report, corrected: existing !== null }
    })
  }
}
