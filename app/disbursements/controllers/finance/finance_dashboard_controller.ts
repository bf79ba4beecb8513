import type { HttpContext } from '@adonisjs/core/http'
import { manageFinance } from '#identity/abilities'
import { TRANCHE_TONES, callsWithBudget, financeQueues } from '#disbursements/agreement_pages'
import { budgetSegments } from '#disbursements/ledger'

/** `/finance`: tranches to verify and approve, overdue and failed ones, budgets per call. */
export default class FinanceDashboardController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageFinance)
    const [queues, calls] = await Promise.all([financeQueues(), callsWithBudget()])
    return ctx.view.render('pages/disbursements/finance/index', {
      ...queues,
      calls: calls.map((call) => ({
        ...call,
        segments: budgetSegments({
          envelopeCentimes: Number(call.envelope_centimes),
          committedCentimes: Number(call.committed_centimes),
          disbursedCentimes: Number(call.disbursed_centimes),
        }),
      })),
      tones: TRANCHE_TONES,
      userId: ctx.auth.getUserOrFail().id,
    })
  }
}
