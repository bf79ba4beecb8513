import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Application from '#applications/models/application'
import ApplicationDocument from '#applications/models/application_document'
import type User from '#identity/models/user'
import { memberApplicationIds } from '#applications/application_members'
import { answersAskedField, visibleFields } from '#programmes/forms/visibility'

/**
 * A person's applications, their own, their organizations' and those they were invited
 * onto as a co-applicant, newest first (3 queries).
 */
export function applicationsOf(user: User) {
  return Application.query()
    .where((query) =>
      query
        .where('applicant_id', user.id)
        .orWhereIn(
          'organization_id',
          db.from('organization_members').where('user_id', user.id).select('organization_id')
        )
        .orWhereIn('id', memberApplicationIds(user.id))
    )
    .preload('call', (call) => call.preload('programme'))
    .preload('organization')
    .orderBy('updated_at', 'desc')
}

/**
 * The documents of an application keyed by the field they answer, with download links.
 * Once submitted, only those of the fields its answers made visible: a document uploaded
 * for a field the applicant was in the end not asked is not part of the application.
 */
export async function documentsByField(application: Application) {
  const documents = await ApplicationDocument.query()
    .where('application_id', application.id)
    .orderBy('id')
  // The pages preload the form version they render the answers with.
  const definition = application.submittedAnswers ? application.formVersion?.definition : null
  const visible = definition ? visibleFields(definition, application.submittedAnswers) : null
  return Object.fromEntries(
    documents
      .filter((document) => !visible || answersAskedField(visible, document.fieldPath))
      .map((document) => [
        document.fieldPath,
        {
          id: document.id,
          originalName: document.originalName,
          sizeBytes: document.sizeBytes,
          mimeType: document.mimeType,
          url: urlFor('application_documents.show', { id: document.id }),
        },
      ])
  )
}

/** The application's history from the audit log: what happened, when, oldest first. */
export function timelineOf(application: Application) {
  return db
    .from('audit_logs')
    .where({ subject_type: 'application', subject_id: String(application.id) })
    .whereIn('action', ['application.created', 'application.transition'])
    .orderBy('id')
    .select('action', 'from_state', 'to_state', 'reason', 'created_at')
}
