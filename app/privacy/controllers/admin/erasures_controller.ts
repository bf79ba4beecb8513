import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { manageUsers } from '#identity/abilities'
import { actorFrom } from '#core/audit/actor'
import { ErasePerson } from '#privacy/actions/erase_person'

/** An admin executes an erasure request (or learns why it is refused). */
export default class ErasuresController {
  @inject()
  async store(ctx: HttpContext, erasePerson: ErasePerson) {
    await ctx.bouncer.authorize(manageUsers)
    const outcome = await erasePerson.handle(Number(ctx.params.id) || 0, actorFrom(ctx))
    ctx.session.flash(
      outcome === 'completed' ? 'success' : 'error',
      ctx.i18n.t(`privacy.admin.erasure_${outcome}`)
    )
    return ctx.response.redirect().toRoute('admin.data_requests.index')
  }
}
