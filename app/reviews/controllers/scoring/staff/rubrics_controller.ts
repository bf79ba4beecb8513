import type { HttpContext } from '@adonisjs/core/http'
import Call from '#programmes/models/call'
import CallRubric from '#reviews/models/call_rubric'
import { manageProgrammes } from '#identity/abilities'
import { checkRubric } from '#reviews/rubric'
import { SaveRubric } from '#reviews/actions/save_rubric'
import { InvalidFields } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'

/** Blank criterion rows offered under the existing ones. */
const BLANK_ROWS = 2

/**
 * A call's scoring rubric, edited by programme officers as a repeatable form (or JSON):
 * every problem reported under its field (422 for JSON), refused once locked.
 */
export default class RubricsController {
  async edit(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.query()
      .where('id', Number(ctx.params.id) || 0)
      .preload('programme')
      .firstOrFail()
    const rubric = await CallRubric.findBy('call_id', call.id)
    const typed = ctx.session.flashMessages.get('criteria')
    const saved = rubric?.criteria ?? []
    const rows: unknown[] = typed
      ? Array.isArray(typed)
        ? typed
        : Object.values(typed)
      : [...saved, ...Array.from({ length: BLANK_ROWS }, () => ({}))]
    if (ctx.request.accepts(['html', 'json']) === 'json') return { data: rubric }
    return ctx.view.render('pages/reviews/scoring/rubric', { call, rubric, rows })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(Number(ctx.params.id) || 0)
    const { rubric, problems } = checkRubric(ctx.request.all())
    if (!rubric) throw new InvalidFields(problems)
    const saved = await new SaveRubric().handle(call.id, rubric, actorFrom(ctx))
    if (ctx.request.accepts(['html', 'json']) === 'json') return { data: saved }
    ctx.session.flash('success', ctx.i18n.t('rubrics.flash.saved'))
    return ctx.response.redirect().toRoute('staff.call_rubrics.edit', { id: call.id })
  }
}
