import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import drive from '@adonisjs/drive/services/main'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { SignMinutes, minutesKey } from '#reviews/actions/sign_minutes'
import { findSession, sessionDone } from '#reviews/controllers/decisions/staff/session_access'
import { actorFrom } from '#core/audit/actor'

/** The minutes (procès-verbal): signed by the chair, then downloadable as signed. */
export default class SessionMinutesController {
  @inject()
  async store(ctx: HttpContext, signMinutes: SignMinutes) {
    const session = await findSession(ctx)
    await ctx.bouncer.with(DecisionPolicy).authorize('signMinutes', session)
    await signMinutes.handle(session.id, ctx.auth.getUserOrFail(), ctx.i18n, actorFrom(ctx))
    return sessionDone(ctx, session.id, 'signed')
  }

  async show(ctx: HttpContext) {
    const session = await findSession(ctx)
    if (session.state !== 'closed') {
      return ctx.response.redirect().toRoute('staff.committee_sessions.show', { id: session.id })
    }
    const pdf = await drive.use().getBytes(minutesKey(session.id))
    ctx.response.header('Content-Type', 'application/pdf')
    ctx.response.header('Cache-Control', 'private, no-store')
    ctx.response.attachment(`pv-session-${session.id}.pdf`)
    return ctx.response.send(Buffer.from(pdf))
  }
}
