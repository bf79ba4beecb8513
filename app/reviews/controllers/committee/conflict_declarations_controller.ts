import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { reviewApplications } from '#identity/abilities'
import { DeclareConflict } from '#reviews/actions/declare_conflict'
import { reviewQueueMessages, conflictDeclarationValidator } from '#reviews/validators/committee'
import { actorFrom } from '#core/audit/actor'
import { openQueueEntry } from '#reviews/reviewer_queue'

/** A reviewer declares a conflict of interest on one of their reviews' application. */
export default class ConflictDeclarationsController {
  /** The declaration form, for one of the reviewer's unsubmitted reviews. */
  async create({ view, params, bouncer, auth, i18n, response }: HttpContext) {
    await bouncer.authorize(reviewApplications)
    const entry = await openQueueEntry(auth.getUserOrFail().id, Number(params.id), i18n.locale)
    if (!entry) return response.notFound(i18n.t('review_queue.errors.not_found'))
    return view.render('pages/reviews/committee/conflict', { entry })
  }

  @inject()
  async store(ctx: HttpContext, declareConflict: DeclareConflict) {
    await ctx.bouncer.authorize(reviewApplications)
    const input = await ctx.request.validateUsing(conflictDeclarationValidator, {
      messagesProvider: reviewQueueMessages(ctx.i18n),
    })
    const reviewer = ctx.auth.getUserOrFail()
    const { withdrawn } = await declareConflict.handle(
      Number(ctx.params.id),
      reviewer.id,
      input,
      actorFrom(ctx)
    )
    const message = ctx.i18n.t('review_queue.conflict.declared', { count: withdrawn })
    if (ctx.request.accepts(['html', 'json']) === 'json') return { withdrawn, message }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('review_queue.index')
  }
}
