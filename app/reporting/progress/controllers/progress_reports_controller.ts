import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import ProgressReport from '#reporting/progress/models/progress_report'
import { REVENUE_BANDS, periodsOf } from '#reporting/progress/progress_schedule'
import { findReportingAgreement } from '#reporting/progress/progress_access'
import {
  progressMessages,
  progressReportValidator,
} from '#reporting/progress/validators/progress_report'
import { SubmitProgressReport } from '#reporting/progress/actions/submit_progress_report'
import { madInputValue } from '#programmes/validators/rules'
import { nowInCasablanca } from '#core/casablanca_time'
import { actorFrom } from '#core/audit/actor'

/**
 * The beneficiary's reporting schedule and the form for each started period; officers
 * read the same schedule and the figures reported, without the form.
 */
export default class ProgressReportsController {
  async index(ctx: HttpContext) {
    const { agreement, own } = await findReportingAgreement(ctx, 'read')
    const [periods, reports] = await Promise.all([
      periodsOf(agreement.id, nowInCasablanca()),
      ProgressReport.query().where('agreement_id', agreement.id).orderBy('period_start'),
    ])
    const reportByPeriod = Object.fromEntries(
      reports.map((report) => [report.periodStart.toISODate(), report])
    )
    const open = periods.filter((period) => period.status !== 'upcoming')
    const requested = String(ctx.request.qs().period ?? '')
    const selected =
      open.find((period) => period.periodStart === requested) ??
      open.find((period) => period.status !== 'submitted') ??
      open.at(-1) ??
      null
    const current = selected ? reportByPeriod[selected.periodStart] : undefined
    return ctx.view.render('pages/reporting/progress/index', {
      agreement,
      canReport: own,
      periods,
      reportByPeriod,
      selected,
      current,
      fundsRaisedValue: current ? madInputValue(current.fundsRaisedCentimes) : '',
      revenueBands: REVENUE_BANDS,
    })
  }

  @inject()
  async store(ctx: HttpContext, submitProgressReport: SubmitProgressReport) {
    const { agreement } = await findReportingAgreement(ctx, 'write')
    const input = await ctx.request.validateUsing(progressReportValidator, {
      messagesProvider: progressMessages(ctx.i18n),
    })
    const actor = { ...actorFrom(ctx), id: ctx.auth.getUserOrFail().id }
    const { report, corrected } = await submitProgressReport.handle(agreement, input, actor)
    const message = ctx.i18n.t(corrected ? 'progress.flash.corrected' : 'progress.flash.submitted')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(corrected ? 200 : 201).send({ id: report.id, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('progress_reports.index', { id: agreement.id })
  }
}
