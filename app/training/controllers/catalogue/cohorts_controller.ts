import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import {
  COURSE_LANGUAGES,
  TRACKS,
  calendarDay,
  findPublicCohort,
  paginateOpenCohorts,
} from '#training/catalogue'
import { cohortFilters } from '#training/validators/catalogue'
import { hasPassed } from '#core/casablanca_time'
import Enrolment from '#training/models/enrolment'
import { LIVE_STATES } from '#training/enrolment_eligibility'

const PER_PAGE = 20

/** The public catalogue of Jazari cohorts and each cohort's page (no sign-in needed). */
export default class CohortsController {
  /** GET /training: cohorts open for enrolment, filtered by region, track, language, dates. */
  async index({ view, request }: HttpContext) {
    const { filters, page } = await cohortFilters(request.qs())
    const cohorts = await paginateOpenCohorts(filters, page, PER_PAGE)
    cohorts.baseUrl(request.url()).queryString({ ...filters })
    return view.render('pages/training/catalogue/index', {
      cohorts,
      filters,
      filtered: Object.keys(filters).length > 0,
      regions: MOROCCAN_REGIONS,
      tracks: TRACKS,
      languages: COURSE_LANGUAGES,
      calendarDay,
    })
  }

  /** GET /training/cohorts/:id: a cohort that is not a draft; drafts are 404. */
  async show({ view, params, response, auth }: HttpContext) {
    const found = await findPublicCohort(Number(params.id) || 0)
    if (!found) return response.notFound()
    const { cohort, waitlistLength } = found
    const user = auth.user
    const mine = user
      ? await Enrolment.query()
          .where({ cohortId: cohort.id, traineeId: user.id })
          .whereIn('state', [...LIVE_STATES])
          .first()
      : null
    return view.render('pages/training/catalogue/show', {
      cohort,
      course: cohort.course,
      institute: cohort.institute,
      sessions: cohort.sessions,
      waitlistLength,
      seatsLeft: cohort.capacity - cohort.seatsTaken,
      enrolmentOpen:
        cohort.state === 'open' && !hasPassed(cohort.enrolmentClosesAt, DateTime.utc()),
      mine,
      calendarDay,
    })
  }
}
