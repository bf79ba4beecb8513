import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageFinance } from '#identity/abilities'
import { CreateAgreement } from '#disbursements/actions/create_agreement'
import { actorFrom } from '#core/audit/actor'

/** A finance officer creates the agreement of an accepted award (`:id` is the decision). */
export default class AgreementsController {
  @inject()
  async store(ctx: HttpContext, createAgreement: CreateAgreement) {
    await ctx.bouncer.authorize(manageFinance)
    const { agreement, created } = await createAgreement.handle(
      Number(ctx.params.id) || 0,
      actorFrom(ctx)
    )
    const message = ctx.i18n.t(created ? 'agreements.flash.created' : 'agreements.flash.exists')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(created ? 201 : 200).send({ id: agreement.id, created, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
