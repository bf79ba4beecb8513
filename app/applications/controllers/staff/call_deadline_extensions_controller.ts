import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import DeadlineExtension from '#applications/models/deadline_extension'
import { manageProgrammes } from '#identity/abilities'
import { ExtendApplicationDeadline } from '#applications/actions/extend_application_deadline'
import { deadlineExtensionValidator } from '#applications/validators/deadline_extensions'
import { actorFrom } from '#core/audit/actor'
import { toCasablancaInput } from '#core/casablanca_time'

/** A programme officer extends one applicant's deadline on a call (issue 14). */
export default class CallDeadlineExtensionsController {
  async index({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const call = await Call.query().where('id', params.id).preload('programme').firstOrFail()
    const extensions = await DeadlineExtension.query()
      .where('callId', call.id)
      .preload('application', (application) =>
        application.preload('applicant', (applicant) => applicant.select('id', 'fullName', 'email'))
      )
      .orderBy('closesAt')
    return view.render('pages/applications/staff/deadline_extensions', {
      call,
      extensions,
      toCasablancaInput,
    })
  }

  @inject()
  async store(ctx: HttpContext, extendDeadline: ExtendApplicationDeadline) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(ctx.params.id)
    const input = await ctx.request.validateUsing(deadlineExtensionValidator)
    const user = ctx.auth.getUserOrFail()
    const extension = await extendDeadline.handle(call.id, input, {
      ...actorFrom(ctx),
      id: user.id,
    })
    const message = ctx.i18n.t('deadlines.granted')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.created({
        id: extension.id,
        closesAt: extension.closesAt.toISO(),
        message,
      })
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.call_deadline_extensions.index', { id: call.id })
  }
}
