import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { callTransitionValidator } from '#programmes/validators/call'
import { staffMessages } from '#programmes/validators/staff_messages'
import { TransitionCall } from '#programmes/actions/transition_call'
import { actorFrom } from '#core/audit/actor'

/** A move of a call along its lifecycle (open, close, decide, archive), as a resource. */
export default class CallTransitionsController {
  @inject()
  async store(ctx: HttpContext, transitionCall: TransitionCall) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(ctx.params.id)
    const { to, reason } = await ctx.request.validateUsing(callTransitionValidator, {
      messagesProvider: staffMessages(ctx.i18n),
    })
    const moved = await transitionCall.handle(call.id, to, reason ?? null, actorFrom(ctx))
    const message = ctx.i18n.t('staff_programmes.lifecycle.done', {
      state: ctx.i18n.t(`staff_programmes.states.${moved.state}`),
    })
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: moved.id, state: moved.state, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.calls.show', { id: moved.id })
  }
}
