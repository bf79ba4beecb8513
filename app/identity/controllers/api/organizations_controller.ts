import type { HttpContext } from '@adonisjs/core/http'
import { membershipResource } from '#identity/transformers/membership_transformer'
import { membershipListValidator } from '#identity/validators/membership_list'
import { DEFAULT_PER_PAGE, pageOf } from '#core/pagination'

/**
 * GET /api/v1/organizations: the organizations the caller is a member of, with their
 * role, e.g. to find the fund manager company to file a VC proposal for.
 */
export default class OrganizationsController {
  async index({ auth, request }: HttpContext) {
    const filters = await request.validateUsing(membershipListValidator, { data: request.qs() })
    const page = await auth
      .getUserOrFail()
      .related('organizations')
      .query()
      .if(filters.kind, (query) => query.where('kind', filters.kind!))
      .orderBy('name')
      .orderBy('id')
      .paginate(filters.page ?? 1, filters.perPage ?? DEFAULT_PER_PAGE)
    return pageOf(page, page.all().map(membershipResource), request.url(), filters)
  }
}
