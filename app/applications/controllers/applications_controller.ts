import type { HttpContext } from '@adonisjs/core/http'
import ApplicationPolicy from '#applications/policies/application_policy'
import { findApplication } from '#applications/controllers/application_access'
import { saveDraftFromRequest } from '#applications/controllers/draft_input'
import { applicationsOf, documentsByField, timelineOf } from '#applications/application_pages'
import { currentFormVersion } from '#programmes/form_versions'
import { WITHDRAWABLE_STATES } from '#applications/application_lifecycle'
import { appealWindow } from '#eligibility/appeals'
import { draftAnswersValidator } from '#applications/validators/application'

export default class ApplicationsController {
  async index({ view, auth }: HttpContext) {
    const applications = await applicationsOf(auth.getUserOrFail())
    return view.render('pages/applications/index', { applications })
  }

  async show(ctx: HttpContext) {
    const application = await findApplication(ctx)
    await application.loadContext()
    return ctx.view.render('pages/applications/show', {
      application,
      documents: await documentsByField(application),
      timeline: await timelineOf(application),
      canEdit: await ctx.bouncer.with(ApplicationPolicy).allows('edit', application),
      canWithdraw: WITHDRAWABLE_STATES.includes(application.state),
      appeal: await appealWindow(application),
    })
  }

  async edit(ctx: HttpContext) {
    const application = await findApplication(ctx, 'edit')
    if (!application.isDraft) {
      return ctx.response.redirect().toRoute('applications.show', { id: application.id })
    }
    await application.load((loader) =>
      loader.load('call', (call) => call.preload('programme')).load('organization')
    )
    const form = await currentFormVersion(application.callId)
    return ctx.view.render('pages/applications/edit', {
      application,
      definition: form?.definition ?? { sections: [] },
      documents: await documentsByField(application),
    })
  }

  /** "Save draft" and autosave: JSON for the script, a redirect for the page. */
  async update(ctx: HttpContext) {
    const application = await findApplication(ctx, 'edit')
    const saved = await saveDraftFromRequest(ctx, application, draftAnswersValidator)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: saved.id, savedAt: saved.updatedAt.toISO() }
    }
    ctx.session.flash('success', ctx.i18n.t('applications.draft_saved'))
    return ctx.response.redirect().toRoute('applications.edit', { id: saved.id })
  }
}
