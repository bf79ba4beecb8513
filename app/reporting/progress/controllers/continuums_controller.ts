import type { HttpContext } from '@adonisjs/core/http'
import { findContinuumOrganization } from '#reporting/progress/progress_access'
import { continuumOf } from '#reporting/progress/continuum'

/** One organization's journey across the offers (its members, officers and admins). */
export default class ContinuumsController {
  async show(ctx: HttpContext) {
    const organization = await findContinuumOrganization(ctx)
    const continuum = await continuumOf(organization.id)
    return ctx.view.render('pages/reporting/progress/continuum', { organization, ...continuum })
  }
}
