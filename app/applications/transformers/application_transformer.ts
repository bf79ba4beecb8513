import type Application from '#applications/models/application'
import type ApplicationDocument from '#applications/models/application_document'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { typedAnswers } from '#applications/answers'

/**
 * The JSON shape of an application: what its owners may see, nothing internal. A draft's
 * answers go out with the JSON types of their form's fields (numbers, booleans, money in
 * MAD, lists, groups), whatever typed them, so a client reads back what it sent; once
 * submitted, the frozen answers (money in integer centimes).
 */
export function applicationResource(
  application: Application,
  options: { documents?: ApplicationDocument[]; definition?: FormDefinition } = {}
) {
  const { documents = [], definition } = options
  return {
    id: application.id,
    callId: application.callId,
    organizationId: application.organizationId ?? null,
    state: application.state,
    reference: application.reference ?? null,
    answers:
      application.submittedAnswers ??
      (definition ? typedAnswers(definition, application.answers) : application.answers),
    submittedAt: application.submittedAt?.toISO() ?? null,
    updatedAt: application.updatedAt.toISO(),
    documents: documents.map(documentResource),
  }
}

export function documentResource(document: ApplicationDocument) {
  return {
    id: document.id,
    fieldPath: document.fieldPath,
    originalName: document.originalName,
    mimeType: document.mimeType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
  }
}
