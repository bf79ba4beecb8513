import { createHash } from 'node:crypto'
import type { I18n } from '@adonisjs/i18n'
import type Application from '#applications/models/application'
import ApplicationDocument from '#applications/models/application_document'
import { renderApplicationReceipt } from '#applications/receipt_pdf'
import { fileFields } from '#applications/answers'
import { localize } from '#core/i18n/localized_text'
import { visibleFields } from '#programmes/forms/visibility'

/** JSON with keys sorted at every level: the same answers always give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as any)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/** The SHA-256 of the submitted answers, printed on the receipt to prove what was sent. */
export function answersFingerprint(answers: unknown) {
  return createHash('sha256').update(canonicalJson(answers)).digest('hex')
}

/** The receipt PDF of a submitted application, in the reader's language. */
export async function receiptOf(application: Application, i18n: I18n) {
  await application.loadContext()
  const documents = await ApplicationDocument.query()
    .where('application_id', application.id)
    .orderBy('id')
  const labels = new Map(
    // Documents of a field the answers hid were not part of what was asked.
    fileFields(visibleFields(application.formVersion.definition, application.submittedAnswers)).map(
      ({ path, field }) => [path, localize(field.label, i18n.locale)]
    )
  )
  return renderApplicationReceipt(
    {
      reference: application.reference!,
      programmeTitle: localize(application.call.programme.title, i18n.locale),
      callTitle: localize(application.call.title, i18n.locale),
      applicantName: application.applicant.fullName,
      applicantEmail: application.applicant.email,
      organizationName: application.organization?.name ?? null,
      submittedAt: application.submittedAt!,
      formVersion: application.formVersion.version,
      answersFingerprint: answersFingerprint(application.submittedAnswers),
      documents: documents
        .filter((document) => labels.has(document.fieldPath))
        .map((document) => ({
          label: labels.get(document.fieldPath)!,
          originalName: document.originalName,
          sizeBytes: document.sizeBytes,
        })),
    },
    i18n
  )
}
