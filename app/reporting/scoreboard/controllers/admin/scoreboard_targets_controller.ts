import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { Exception } from '@adonisjs/core/exceptions'
import { manageUsers } from '#identity/abilities'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import ScoreboardTarget from '#reporting/scoreboard/models/scoreboard_target'
import { INDICATOR_KEYS } from '#reporting/scoreboard/indicators'
import { targetInputValue } from '#reporting/scoreboard/target_values'
import { SaveTarget } from '#reporting/scoreboard/actions/save_target'
import {
  newTargetValidator,
  scoreboardMessages,
  targetUpdateValidator,
} from '#reporting/scoreboard/validators/targets'
import { actorFrom } from '#core/audit/actor'

/** Admins set the scoreboard's targets (sudo, audited): data, not constants. */
export default class ScoreboardTargetsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.authorize(manageUsers)
    const targets = await ScoreboardTarget.query()
      .orderBy('indicator')
      .orderBy('year')
      .orderByRaw(`region NULLS FIRST`)
    return view.render('pages/reporting/scoreboard/targets', {
      targets: targets.map((target) => ({
        target,
        inputValue: targetInputValue(target.unit, target.targetValue),
      })),
      indicators: INDICATOR_KEYS,
      regions: MOROCCAN_REGIONS,
    })
  }

  @inject()
  async store(ctx: HttpContext, saveTarget: SaveTarget) {
    await ctx.bouncer.authorize(manageUsers)
    const input = await ctx.request.validateUsing(newTargetValidator, {
      messagesProvider: scoreboardMessages(ctx.i18n),
    })
    await saveTarget.create(input, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('scoreboard.targets.created'))
    return ctx.response.redirect().toRoute('admin.scoreboard_targets.index')
  }

  @inject()
  async update(ctx: HttpContext, saveTarget: SaveTarget) {
    await ctx.bouncer.authorize(manageUsers)
    const input = await ctx.request.validateUsing(targetUpdateValidator, {
      messagesProvider: scoreboardMessages(ctx.i18n),
    })
    const target = await saveTarget.update(Number(ctx.params.id) || 0, input, actorFrom(ctx))
    if (!target) throw new Exception('Target not found', { status: 404, code: 'E_NOT_FOUND' })
    ctx.session.flash('success', ctx.i18n.t('scoreboard.targets.updated'))
    return ctx.response.redirect().toRoute('admin.scoreboard_targets.index')
  }
}
