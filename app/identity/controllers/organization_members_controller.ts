import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Organization from '#identity/models/organization'
import { memberValidator } from '#identity/validators/organization'
import { AddOrganizationMember } from '#identity/actions/manage_organizations'
import OrganizationPolicy from '#identity/policies/organization_policy'
import { actorFrom } from '#core/audit/actor'

export default class OrganizationMembersController {
  @inject()
  async store(ctx: HttpContext, addMember: AddOrganizationMember) {
    const organization = await Organization.findOrFail(Number(ctx.params.id) || 0)
    if (await ctx.bouncer.with(OrganizationPolicy).denies('view', organization)) {
      return ctx.response.notFound()
    }
    await ctx.bouncer.with(OrganizationPolicy).authorize('manageMembers', organization)
    const { email } = await ctx.request.validateUsing(memberValidator)
    await addMember.handle(organization, email, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('organizations.members.added'))
    return ctx.response.redirect().toRoute('organizations.show', { id: organization.id })
  }
}
