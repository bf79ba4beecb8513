import type { HttpContext } from '@adonisjs/core/http'
import OpenDataRelease from '#reporting/register/models/open_data_release'
import { releaseListValidator } from '#reporting/register/validators/releases'
import { releaseResource } from '#reporting/register/transformers/release_transformer'
import { DEFAULT_PER_PAGE, pageOf } from '#core/pagination'

/**
 * GET /api/v1/open-data/releases?callId=&page=&perPage=: the releases served, newest
 * first, with the URLs of their files (public, no token).
 */
export default class ReleasesController {
  async index({ request, response }: HttpContext) {
    const filters = await request.validateUsing(releaseListValidator, { data: request.qs() })
    const page = await OpenDataRelease.query()
      .whereNull('retracted_at')
      .if(filters.callId, (query) => query.where('call_id', filters.callId!))
      .select(
        'id',
        'call_id',
        'sequence',
        'reason',
        'created_at',
        'grant_count',
        'awarded_centimes',
        'disbursed_centimes',
        'digest',
        'retracted_at'
      )
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? DEFAULT_PER_PAGE)
    // Public data: a client or proxy may keep the list a minute.
    response.header('Cache-Control', 'public, max-age=60')
    return pageOf(page, page.all().map(releaseResource), request.url(), filters)
  }
}
