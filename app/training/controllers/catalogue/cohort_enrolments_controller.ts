import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import Cohort from '#training/models/cohort'
import EnrolmentPolicy from '#training/policies/enrolment_policy'
import { EnrolTrainee } from '#training/actions/enrol_trainee'
import {
  enrolmentAnswersValidator,
  enrolmentForm,
  enrolmentMessages,
  plainInput,
} from '#training/enrolment_form'
import { failedReasons } from '#training/enrolment_eligibility'
import { hasPassed } from '#core/casablanca_time'
import { actorFrom } from '#core/audit/actor'

/** A trainee's enrolment in a cohort, as a resource of the cohort. */
export default class CohortEnrolmentsController {
  /** GET /training/cohorts/:id/enrolments/create: the enrolment form. */
  async create({ view, params, bouncer, response }: HttpContext) {
    await bouncer.with(EnrolmentPolicy).authorize('enrol')
    const cohort = await Cohort.query()
      .where('id', Number(params.id) || 0)
      .whereNot('state', 'draft')
      .preload('course')
      .first()
    if (!cohort) return response.notFound()
    return view.render('pages/training/catalogue/enrol', {
      cohort,
      course: cohort.course,
      definition: enrolmentForm(),
      open: cohort.state === 'open' && !hasPassed(cohort.enrolmentClosesAt, DateTime.utc()),
    })
  }

  /** POST /training/cohorts/:id/enrolments */
  @inject()
  async store(ctx: HttpContext, enrolTrainee: EnrolTrainee) {
    const { request, response, bouncer, auth, i18n, session } = ctx
    await bouncer.with(EnrolmentPolicy).authorize('enrol')
    const answers = await enrolmentAnswersValidator().validate(
      plainInput(request.input('answers')) ?? {},
      {
        messagesProvider: enrolmentMessages(i18n),
      }
    )
    const enrolment = await enrolTrainee.handle(
      Number(ctx.params.id) || 0,
      auth.getUserOrFail(),
      answers,
      actorFrom(ctx)
    )
    const message = i18n.t(`enrolments.outcome.${enrolment.state}`, {
      position: enrolment.waitlistPosition ?? '',
    })
    if (request.accepts(['html', 'json']) === 'json') {
      return response.created({
        id: enrolment.id,
        state: enrolment.state,
        waitlistPosition: enrolment.waitlistPosition,
        reasons: failedReasons(enrolment.evaluation, i18n.locale),
        message,
      })
    }
    session.flash(enrolment.state === 'ineligible' ? 'error' : 'success', message)
    return response.redirect().toRoute('enrolments.show', { id: enrolment.id })
  }
}
