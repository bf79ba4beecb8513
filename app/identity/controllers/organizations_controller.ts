import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Organization from '#identity/models/organization'
import { organizationValidator, MOROCCAN_REGIONS } from '#identity/validators/organization'
import { CreateOrganization } from '#identity/actions/manage_organizations'
import OrganizationPolicy from '#identity/policies/organization_policy'
import { actorFrom } from '#core/audit/actor'

export default class OrganizationsController {
  async index({ view, auth }: HttpContext) {
    const organizations = await auth
      .getUserOrFail()
      .related('organizations')
      .query()
      .orderBy('name')
    return view.render('pages/identity/organizations/index', { organizations })
  }

  async create({ view }: HttpContext) {
    return view.render('pages/identity/organizations/new', { regions: MOROCCAN_REGIONS })
  }

  @inject()
  async store(ctx: HttpContext, createOrganization: CreateOrganization) {
    const payload = await ctx.request.validateUsing(organizationValidator)
    const organization = await createOrganization.handle(
      ctx.auth.getUserOrFail(),
      payload,
      actorFrom(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('organizations.created'))
    return ctx.response.redirect().toRoute('organizations.show', { id: organization.id })
  }

  /** Someone else's organization is a 404, not a 403: its existence is not disclosed. */
  async show({ view, params, bouncer, response }: HttpContext) {
    const organization = await Organization.query()
      .where('id', Number(params.id) || 0)
      .preload('members', (members) => members.preload('user').orderBy('id'))
      .first()
    if (!organization || (await bouncer.with(OrganizationPolicy).denies('view', organization))) {
      return response.notFound()
    }
    return view.render('pages/identity/organizations/show', { organization })
  }
}
