import type Application from '#applications/models/application'
import type ApplicationDocument from '#applications/models/application_document'

/** The JSON shape of an application: what its owners may see, nothing internal. */
export function applicationResource(
  application: Application,
  documents: ApplicationDocument[] = []
) {
  return {
    id: application.id,
    callId: application.callId,
    organizationId: application.organizationId,
    state: application.state,
    reference: application.reference,
    answers: application.submittedAnswers ?? application.answers,
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
