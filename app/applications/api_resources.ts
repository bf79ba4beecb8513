import type Application from '#applications/models/application'
import ApplicationDocument from '#applications/models/application_document'
import { applicationResource } from '#applications/transformers/application_transformer'
import { currentFormVersions } from '#programmes/form_versions'

/** Applications as the API answers them, drafts typed by their call's current form (one query). */
export async function applicationResources(applications: Application[]) {
  const forms = await currentFormVersions(
    applications.filter((application) => !application.submittedAnswers).map((item) => item.callId)
  )
  return applications.map((application) =>
    applicationResource(application, { definition: forms.get(application.callId)?.definition })
  )
}

/** One application with its documents, as the API answers it. */
export async function applicationWithDocuments(application: Application) {
  const [documents, forms] = await Promise.all([
    ApplicationDocument.query().where('application_id', application.id).orderBy('id'),
    currentFormVersions(application.submittedAnswers ? [] : [application.callId]),
  ])
  return applicationResource(application, {
    documents,
    definition: forms.get(application.callId)?.definition,
  })
}
