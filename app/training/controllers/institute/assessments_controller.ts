import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { RecordAssessments } from '#training/actions/record_assessments'
import { cohortOverview } from '#training/cohort_overview'
import { assessmentsValidator, instituteMessages } from '#training/validators/institute'
import { ownCohort } from '#training/controllers/institute/institute_access'

/** The final assessment of a cohort, recorded for every accepted trainee on one screen. */
export default class AssessmentsController {
  async edit(ctx: HttpContext) {
    const cohort = await ownCohort(ctx)
    await cohort.load('course')
    const { enrolments } = await cohortOverview(cohort)
    return ctx.view.render('pages/training/institute/assessments', {
      cohort,
      enrolments: enrolments.filter((row) => row.state === 'accepted'),
    })
  }

  @inject()
  async update(ctx: HttpContext, recordAssessments: RecordAssessments) {
    const cohort = await ownCohort(ctx)
    const input = await ctx.request.validateUsing(assessmentsValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    const count = await recordAssessments.handle(
      cohort.id,
      input.results.map((row) => ({
        enrolmentId: row.enrolment_id,
        score: row.score ?? null,
        passed: row.passed ?? false,
      })),
      actorFrom(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('institute.assessments.saved', { count }))
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
