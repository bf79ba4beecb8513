import type { HttpContext } from '@adonisjs/core/http'
import { manageFinance } from '#identity/abilities'
import { awardsWithoutAgreement } from '#disbursements/agreement_pages'

/** `/finance/awards`: accepted awards still waiting for their agreement. */
export default class AwardsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageFinance)
    return ctx.view.render('pages/disbursements/finance/awards', {
      awards: await awardsWithoutAgreement(),
    })
  }
}
