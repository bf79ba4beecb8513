import type { HttpContext } from '@adonisjs/core/http'
import { NotFound } from '#core/exceptions/domain_error'
import Application from '#applications/models/application'
import ApplicationPolicy from '#applications/policies/application_policy'

/**
 * The application of the route's `:id`, if the signed-in person may see it; a 404
 * otherwise, so that someone else's application is indistinguishable from none.
 * `edit` also requires being one of its owners (403 for staff who can only look).
 */
export async function findApplication(ctx: HttpContext, ability: 'view' | 'edit' = 'view') {
  const application = await Application.find(Number(ctx.params.id) || 0)
  if (!application || (await ctx.bouncer.with(ApplicationPolicy).denies('view', application))) {
    throw new NotFound('Application')
  }
  if (ability === 'edit') await ctx.bouncer.with(ApplicationPolicy).authorize('edit', application)
  return application
}
