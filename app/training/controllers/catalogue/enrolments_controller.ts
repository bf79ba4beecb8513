import type { HttpContext } from '@adonisjs/core/http'
import { calendarDay } from '#training/catalogue'
import { enrolmentOutcomeOf, enrolmentsOf, waitlistRankOf } from '#training/trainee_enrolments'
import { groupCode } from '#training/certificate_codes'
import { failedReasons, LIVE_STATES, type EnrolmentState } from '#training/enrolment_eligibility'
import { findOwnEnrolment } from '#training/controllers/catalogue/enrolment_access'

/** "My enrolments": the signed-in trainee's own, and each one's page. */
export default class EnrolmentsController {
  /** GET /enrolments */
  async index({ view, auth }: HttpContext) {
    const enrolments = await enrolmentsOf(auth.getUserOrFail().id)
    return view.render('pages/training/catalogue/enrolments', { enrolments, calendarDay })
  }

  /** GET /enrolments/:id: where it stands, why when ineligible or not completed, the certificate. */
  async show(ctx: HttpContext) {
    const enrolment = await findOwnEnrolment(ctx)
    await enrolment.load('cohort', (cohort) => cohort.preload('course').preload('institute'))
    const rank =
      enrolment.state === 'waitlisted' && enrolment.waitlistPosition !== null
        ? await waitlistRankOf(enrolment.cohortId, enrolment.waitlistPosition)
        : null
    // Once the cohort is closed: the certificate, or why there is none.
    const outcome = ['completed', 'failed'].includes(enrolment.state)
      ? await enrolmentOutcomeOf(enrolment)
      : null
    return ctx.view.render('pages/training/catalogue/enrolment', {
      enrolment,
      cohort: enrolment.cohort,
      course: enrolment.cohort.course,
      institute: enrolment.cohort.institute,
      rank,
      outcome,
      groupCode,
      reasons: failedReasons(enrolment.evaluation, ctx.i18n.locale),
      canWithdraw:
        LIVE_STATES.includes(enrolment.state as EnrolmentState) &&
        enrolment.cohort.state !== 'closed',
    })
  }
}
