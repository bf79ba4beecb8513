import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
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
    throw new Exception('Application not found', { status: 404, code: 'E_NOT_FOUND' })
  }
  if (ability === 'edit') await ctx.bouncer.with(ApplicationPolicy).authorize('edit', application)
  return application
}
