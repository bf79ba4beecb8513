import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import db from '@adonisjs/lucid/services/db'
import CommitteeSession from '#reviews/models/committee_session'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { PlanSession } from '#reviews/actions/plan_session'
import { presentCount } from '#reviews/committee_sessions'
import { sessionAgenda } from '#reviews/session_agenda'
import { findSession } from '#reviews/controllers/decisions/staff/session_access'
import {
  committeeSessionsMessages,
  planSessionValidator,
} from '#reviews/validators/committee_sessions'
import { actorFrom } from '#core/audit/actor'

/** A call's committee sessions: the list, planning one, and one session's agenda. */
export default class CommitteeSessionsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(DecisionPolicy).authorize('planSession')
    const call = await Call.query().where('id', ctx.params.id).preload('programme').firstOrFail()
    const sessions = await CommitteeSession.query()
      .where('call_id', call.id)
      .select('committee_sessions.*')
      .select(
        db.raw(
          '(SELECT count(*) FROM session_items si WHERE si.session_id = committee_sessions.id) AS items_count'
        )
      )
      .orderBy('held_at', 'desc')
    return ctx.view.render('pages/reviews/decisions/sessions/index', { call, sessions })
  }

  @inject()
  async store(ctx: HttpContext, planSession: PlanSession) {
    await ctx.bouncer.with(DecisionPolicy).authorize('planSession')
    const call = await Call.findOrFail(ctx.params.id)
    const input = await ctx.request.validateUsing(planSessionValidator, {
      messagesProvider: committeeSessionsMessages(ctx.i18n),
    })
    const session = await planSession.handle(call.id, input, actorFrom(ctx))
    const message = ctx.i18n.t('committee_sessions.flash.planned')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({ id: session.id, message })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.committee_sessions.show', { id: session.id })
  }

  async show(ctx: HttpContext) {
    const session = await findSession(ctx)
    const call = await Call.query().where('id', session.callId).preload('programme').firstOrFail()
    const items = await sessionAgenda(
      session,
      call.blindReview,
      ctx.i18n.locale,
      ctx.i18n.t('reviewing.masked')
    )
    const committee = await CommitteeSession.query()
      .where('committee_sessions.id', session.id)
      .join('committee_members as cm', 'cm.call_id', 'committee_sessions.call_id')
      .join('users as u', 'u.id', 'cm.user_id')
      .leftJoin('session_attendances as sa', (join) =>
        join.on('sa.user_id', 'cm.user_id').andOn('sa.session_id', 'committee_sessions.id')
      )
      .orderByRaw("cm.role = 'chair' DESC, u.full_name")
      .select('cm.user_id', 'cm.role', 'u.full_name', 'sa.present')
      .pojo<{ user_id: number; role: string; full_name: string; present: boolean | null }>()
    const present = await presentCount(session.id)
    const policy = ctx.bouncer.with(DecisionPolicy)
    return ctx.view.render('pages/reviews/decisions/sessions/show', {
      call,
      meeting: session,
      items,
      minutesSha256: session.minutesSha256,
      committee,
      present,
      quorumMet: present >= session.quorum,
      canKeep: await policy.allows('keepSession', session),
      canSign: await policy.allows('signMinutes', session),
    })
  }
}
