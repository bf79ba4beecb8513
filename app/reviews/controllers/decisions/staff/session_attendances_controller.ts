import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import DecisionPolicy from '#reviews/policies/decision_policy'
import { RecordAttendance } from '#reviews/actions/record_attendance'
import { findSession, sessionDone } from '#reviews/controllers/decisions/staff/session_access'
import {
  attendanceValidator,
  committeeSessionsMessages,
} from '#reviews/validators/committee_sessions'
import { actorFrom } from '#core/audit/actor'

/** The attendance of a session's committee members. */
export default class SessionAttendancesController {
  @inject()
  async store(ctx: HttpContext, recordAttendance: RecordAttendance) {
    const session = await findSession(ctx)
    await ctx.bouncer.with(DecisionPolicy).authorize('keepSession', session)
    const { present } = await ctx.request.validateUsing(attendanceValidator, {
      messagesProvider: committeeSessionsMessages(ctx.i18n),
    })
    await recordAttendance.handle(session.id, present ?? [], actorFrom(ctx))
    return sessionDone(ctx, session.id, 'attendance')
  }
}
