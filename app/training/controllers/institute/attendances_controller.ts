import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { MarkAttendance } from '#training/actions/mark_attendance'
import { sessionRoster } from '#training/cohort_overview'
import { attendanceValidator, instituteMessages } from '#training/validators/institute'
import { ownSession } from '#training/controllers/institute/institute_access'

/** One session's attendance, marked for every accepted trainee on one screen. */
export default class AttendancesController {
  async edit(ctx: HttpContext) {
    const { session, cohort } = await ownSession(ctx)
    await cohort.load('course')
    const roster = await sessionRoster(cohort.id, session.id)
    return ctx.view.render('pages/training/institute/attendance', { session, cohort, roster })
  }

  @inject()
  async update(ctx: HttpContext, markAttendance: MarkAttendance) {
    const { session, cohort } = await ownSession(ctx)
    const input = await ctx.request.validateUsing(attendanceValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    const marked = await markAttendance.handle(session, input.present ?? [], actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.attendance.saved', marked))
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
