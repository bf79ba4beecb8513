import type { HttpContext } from '@adonisjs/core/http'
import ApplicationPolicy from '#applications/policies/application_policy'
import { findApplication } from '#applications/controllers/application_access'
import { saveDraftFromRequest } from '#applications/controllers/draft_input'
import { applicationsOf, listsOf } from '#applications/application_pages'
import { deadlineOf } from '#applications/deadlines'
import { agreementIdOf } from '#disbursements/agreement_pages'
import { currentFormVersion } from '#programmes/form_versions'
import { WITHDRAWABLE_STATES } from '#applications/application_lifecycle'
import { appealWindow } from '#eligibility/appeals'
import { draftAnswersValidator } from '#applications/validators/application'

/** States in which an application has an agreement (its funded project). */
const FUNDED_STATES: string[] = ['contracted', 'disbursing', 'completed']

export default class ApplicationsController {
  async index({ view, auth }: HttpContext) {
    const applications = await applicationsOf(auth.getUserOrFail())
    return view.render('pages/applications/index', { applications })
  }

  async show(ctx: HttpContext) {
    const application = await findApplication(ctx)
    await application.loadContext(ctx.auth.user)
    const policy = ctx.bouncer.with(ApplicationPolicy)
    const isOwner = await policy.allows('edit', application)
    const { documents, timeline, members } = await listsOf(application, [
      'documents',
      'timeline',
      'members',
    ])
    return ctx.view.render('pages/applications/show', {
      application,
      documents,
      timeline,
      canEdit: isOwner,
      canEditDraft: isOwner || (await policy.allows('editDraft', application)),
      members,
      // Shown while it is a draft: a submitted application has no deadline left.
      deadline: application.isDraft ? await deadlineOf(application) : null,
      // The owner reaches their agreements from their list; a co-applicant has none.
      agreementId:
        isOwner || !FUNDED_STATES.includes(application.state)
          ? null
          : await agreementIdOf(application.id),
      canWithdraw: WITHDRAWABLE_STATES.includes(application.state),
      appeal: await appealWindow(application),
    })
  }

  async edit(ctx: HttpContext) {
    const application = await findApplication(ctx, 'editDraft')
    if (!application.isDraft) {
      return ctx.response.redirect().toRoute('applications.show', { id: application.id })
    }
    await application.load((loader) =>
      loader.load('call', (call) => call.preload('programme')).load('organization')
    )
    const form = await currentFormVersion(application.callId)
    const { documents } = await listsOf(application, ['documents'])
    return ctx.view.render('pages/applications/edit', {
      application,
      deadline: await deadlineOf(application),
      canSubmit: await ctx.bouncer.with(ApplicationPolicy).allows('submit', application),
      definition: form?.definition ?? { sections: [] },
      documents,
    })
  }

  /** "Save draft" and autosave: JSON for the script, a redirect for the page. */
  async update(ctx: HttpContext) {
    const application = await findApplication(ctx, 'editDraft')
    const saved = await saveDraftFromRequest(ctx, application, draftAnswersValidator)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { id: saved.id, savedAt: saved.updatedAt.toISO() }
    }
    ctx.session.flash('success', ctx.i18n.t('applications.draft_saved'))
    return ctx.response.redirect().toRoute('applications.edit', { id: saved.id })
  }
}
