import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import { manageFinance } from '#identity/abilities'
import Call from '#programmes/models/call'
import { budgetSegments, callLedger } from '#disbursements/ledger'
import { exportCallTranches } from '#disbursements/ledger_export'
import { actorFrom } from '#core/audit/actor'

/** `/finance/calls/:id/ledger`: a call's budget (bar and table) and its ledger entries. */
export default class CallLedgersController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageFinance)
    const call = await Call.query()
      .where('id', Number(ctx.params.id) || 0)
      .preload('programme')
      .firstOrFail()
    const ledger = await callLedger(call.id)
    return ctx.view.render('pages/disbursements/finance/ledger', {
      call,
      ...ledger,
      segments: budgetSegments(call),
    })
  }

  /** The call's tranches as CSV (BOM for Excel, formulas neutralised), audited. */
  async export(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageFinance)
    const call = await Call.findOrFail(Number(ctx.params.id) || 0)
    const { lines } = await exportCallTranches(call.id, actorFrom(ctx))
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Cache-Control', 'private, no-store')
    ctx.response.header('X-Content-Type-Options', 'nosniff')
    ctx.response.attachment(`tranches-call-${call.id}.csv`)
    ctx.response.stream(Readable.from(lines()))
  }
}
