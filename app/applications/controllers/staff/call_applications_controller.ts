import type { HttpContext } from '@adonisjs/core/http'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import { APPLICATION_STATES } from '#applications/application_lifecycle'
import { staffApplicationsPage, stateCounts } from '#applications/staff_queries'
import {
  filledQueryString,
  filtersQueryString,
  staffFiltersValidator,
} from '#applications/validators/staff_filters'

/** Programme officers follow a call's applications: counts per state, filters, pages. */
export default class CallApplicationsController {
  async index({ view, params, request, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const call = await Call.query().where('id', params.id).preload('programme').firstOrFail()
    const { page, ...filters } = await staffFiltersValidator.validate(
      filledQueryString(request.qs())
    )
    const counts = await stateCounts(call.id, filters)
    const applications = await staffApplicationsPage(call.id, filters, page ?? 1)
    const qs = filtersQueryString(filters)
    applications.baseUrl(request.url()).queryString(qs)
    return view.render('pages/applications/staff/index', {
      call,
      applications,
      counts,
      filters,
      qs,
      states: APPLICATION_STATES,
      regions: MOROCCAN_REGIONS,
    })
  }
}
