import type { HttpContext } from '@adonisjs/core/http'
import { NotFound } from '#core/exceptions/domain_error'
import Application from '#applications/models/application'
import ApplicationPolicy from '#applications/policies/application_policy'

/**
 * The application of the route's `:id`, if the signed-in person may see it; a 404
 * otherwise, so that someone else's application is indistinguishable from none.
 * Another ability (`edit`: its owners; `editDraft`: owners and editors; `submit`) is a
 * 403 for those who can only look (staff, a viewer).
 */
export async function findApplication(
  ctx: HttpContext,
  ability: 'view' | 'edit' | 'editDraft' | 'submit' = 'view'
) {
  const application = await Application.find(Number(ctx.params.id) || 0)
  if (!application || (await ctx.bouncer.with(ApplicationPolicy).denies('view', application))) {
    throw new NotFound('Application')
  }
  if (ability !== 'view') await ctx.bouncer.with(ApplicationPolicy).authorize(ability, application)
  return application
}
