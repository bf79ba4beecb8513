import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import CommitteeSession from '#reviews/models/committee_session'
import DecisionPolicy from '#reviews/policies/decision_policy'

/** The session of the route's `:id` if the person may see it (a 404 otherwise). */
export async function findSession(ctx: HttpContext) {
  const session = await CommitteeSession.find(Number(ctx.params.id) || 0)
  if (!session || (await ctx.bouncer.with(DecisionPolicy).denies('viewSession', session))) {
    throw new Exception('Session not found', { status: 404, code: 'E_NOT_FOUND' })
  }
  return session
}

/** JSON clients get a small body, pages a flash message and a redirect to the session. */
export function sessionDone(ctx: HttpContext, sessionId: number, key: string) {
  const message = ctx.i18n.t(`committee_sessions.flash.${key}`)
  if (ctx.request.accepts(['html', 'json']) === 'json') return { id: sessionId, message }
  ctx.session.flash('success', message)
  return ctx.response.redirect().toRoute('staff.committee_sessions.show', { id: sessionId })
}
