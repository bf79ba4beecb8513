import type { HttpContext } from '@adonisjs/core/http'
import Call from '#programmes/models/call'
import { decisionText, findOwnDecision } from '#reviews/decision_texts'

/** The applicant's decision page: outcome, letter, and the answer to an award. */
export default class ApplicationDecisionsController {
  async show(ctx: HttpContext) {
    const { application, decision } = await findOwnDecision(ctx)
    const call = await Call.query()
      .where('id', application.callId)
      .preload('programme')
      .firstOrFail()
    return ctx.view.render('pages/reviews/decisions/show', {
      application,
      decision,
      call,
      conditions: decision.conditions.map((value) => decisionText(value, ctx.i18n)),
      reasons: decision.reasons.map((value) => decisionText(value, ctx.i18n)),
      awaitingAnswer: decision.outcome === 'awarded' && decision.response === null,
    })
  }
}
