import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { currentReevaluation, StartReevaluation } from '#eligibility/actions/start_reevaluation'
import { actorFrom } from '#core/audit/actor'

/**
 * Re-evaluating a whole call against its published rule set version, as a background
 * job: launched here, followed on a page with a progress bar that polls `show`.
 */
export default class ReevaluationsController {
  async index({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const call = await Call.query().where('id', params.id).preload('programme').firstOrFail()
    return view.render('pages/eligibility/staff/reevaluations/index', {
      call,
      reevaluation: await currentReevaluation(call),
    })
  }

  @inject()
  async store(ctx: HttpContext, startReevaluation: StartReevaluation) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(ctx.params.id)
    const { ruleSet, outcome } = await startReevaluation.handle(call.id, actorFrom(ctx))
    const message = ctx.i18n.t(`reevaluation.launched.${outcome}`, { version: ruleSet.version })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(202).send({ version: ruleSet.version, outcome, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.call_reevaluations.index', { id: call.id })
  }

  /** `{ state, processed, total, percent }`: counts from the database, state from BullMQ. */
  async show({ params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(params.id)
    const { state, processed, total, percent, version } = await currentReevaluation(call)
    return { state, processed, total, percent, version }
  }
}
