import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { manageUsers } from '#identity/abilities'
import DataRequest from '#privacy/models/data_request'
import { requestQueueFiltersValidator } from '#privacy/validators/data_request'

/** The admins' queue of data requests: open ones by default, late first, then by deadline. */
export default class DataRequestsController {
  async index({ view, request, bouncer }: HttpContext) {
    await bouncer.authorize(manageUsers)
    const filters = await requestQueueFiltersValidator.validate(request.qs())
    const state = filters.state ?? 'open'
    const today = DateTime.utc().toISODate()
    const requests = await DataRequest.query()
      .if(filters.kind, (query) => query.where('kind', filters.kind!))
      .if(state === 'open', (query) => query.whereIn('state', ['pending', 'processing']))
      .if(state === 'closed', (query) => query.whereNotIn('state', ['pending', 'processing']))
      .preload('user')
      .orderByRaw(`(state IN ('pending', 'processing') AND due_on < ?) DESC`, [today])
      .orderBy('due_on')
      .orderBy('id')
      .paginate(filters.page ?? 1, 50)
    requests.baseUrl(request.url()).queryString({ ...filters, page: undefined })
    return view.render('pages/privacy/admin/data_requests', {
      requests,
      filters: { ...filters, state },
    })
  }
}
