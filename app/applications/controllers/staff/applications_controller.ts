import type { HttpContext } from '@adonisjs/core/http'
import Application from '#applications/models/application'
import { manageProgrammes } from '#identity/abilities'
import { listsOf } from '#applications/application_pages'
import { fieldLabelOf } from '#applications/field_labels'

/** A programme officer reads a submitted application: answers, documents, history. */
export default class ApplicationsController {
  async show({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    // A draft is still the applicant's private work: officers do not open it.
    const application = await Application.query()
      .where('id', Number(params.id) || 0)
      .whereNot('state', 'draft')
      .preload('call', (call) => call.preload('programme'))
      .preload('formVersion')
      .preload('organization')
      .preload('applicant')
      .preload('evaluation')
      .firstOrFail()
    const { documents, timeline } = await listsOf(application, ['documents', 'timeline'])
    return view.render('pages/applications/staff/show', {
      application,
      documents,
      timeline,
      fieldLabelOf,
    })
  }
}
