import type { HttpContext } from '@adonisjs/core/http'
import Call from '#programmes/models/call'
import CallRubric from '#reviews/models/call_rubric'
import { manageProgrammes } from '#identity/abilities'
import { SCORE_SORTS, scoreBoardOf, type ScoreSort } from '#reviews/score_board'

/** The scores of a call's applications: progress, mean, spread, normalized, flags. */
export default class ScoresController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.query()
      .where('id', Number(ctx.params.id) || 0)
      .preload('programme')
      .firstOrFail()
    const requested = ctx.request.input('sort')
    const sort: ScoreSort = SCORE_SORTS.includes(requested) ? requested : 'normalized'
    const [rubric, rows] = await Promise.all([
      CallRubric.findBy('call_id', call.id),
      scoreBoardOf(call.id, sort),
    ])
    return ctx.view.render('pages/reviews/scoring/scores', {
      call,
      rubric,
      rows,
      sort,
      sorts: SCORE_SORTS,
    })
  }
}
