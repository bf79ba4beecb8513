import { urlFor } from '@adonisjs/core/services/url_builder'
import Application from '#applications/models/application'
import ApplicationDocument from '#applications/models/application_document'
import CallRubric from '#reviews/models/call_rubric'
import Review from '#reviews/models/review'
import { applicantScrubber, blindAnswers, genericDocumentName } from '#reviews/blind_view'
import type { FormAnswers, FormDefinition } from '#programmes/forms/form_definition'
import type { ReviewScores } from '#reviews/rubric'
import { answersAskedField, visibleFields } from '#programmes/forms/visibility'

export interface ReviewerDocument {
  id: number
  fieldPath: string
  /** The original name, or `document-<id>.pdf` on a blind call. */
  originalName: string
  mimeType: string
  sizeBytes: number
  url: string
}

/** Another reviewer's submitted review, without their name. */
export interface PeerReview {
  position: number
  weightedScore: number
  scores: ReviewScores
}

/**
 * Everything a reviewer may see of the application under review, built once for the
 * page and the API (so that both hide the same things on a blind call). Other reviews
 * are included only once this reviewer has submitted theirs. Fixed query count.
 */
export async function reviewerViewOf(review: Review, mask: string) {
  const application = await Application.query()
    .where('id', review.applicationId)
    .preload('call', (call) => call.preload('programme'))
    .preload('formVersion')
    .preload('organization')
    .preload('applicant')
    .firstOrFail()
  const blind = application.call.blindReview
  const [documents, rubric, peers] = await Promise.all([
    ApplicationDocument.query().where('application_id', application.id).orderBy('id'),
    CallRubric.findBy('call_id', review.callId),
    review.state === 'submitted'
      ? Review.query()
          .where('application_id', review.applicationId)
          .where('state', 'submitted')
          .whereNot('id', review.id)
          .orderBy('submitted_at')
          .orderBy('id')
      : Promise.resolve([] as Review[]),
  ])

  const submitted: FormAnswers = application.submittedAnswers ?? {}
  // What the applicant was not asked (conditional fields) is not shown to reviewers.
  const definition: FormDefinition = visibleFields(
    application.formVersion?.definition ?? { sections: [] },
    submitted
  )
  const answers = blind
    ? blindAnswers(definition, submitted, identityOf(application), mask)
    : submitted
  // Other reviewers may have named the applicant in a comment.
  const scrub = blind
    ? applicantScrubber(definition, submitted, identityOf(application), mask)
    : (text: string) => text
  const reviewerDocuments: ReviewerDocument[] = documents
    .filter((document) => answersAskedField(definition, document.fieldPath))
    .map((document) => ({
      id: document.id,
      fieldPath: document.fieldPath,
      originalName: blind
        ? genericDocumentName(document.id, document.mimeType)
        : document.originalName,
      mimeType: document.mimeType,
      sizeBytes: document.sizeBytes,
      url: urlFor('review_documents.show', { id: review.id, documentId: document.id }),
    }))

  return {
    review,
    blind,
    call: application.call,
    rubric,
    application: {
      id: application.id,
      reference: application.reference,
      submittedAt: application.submittedAt,
      // Who applies, only on calls that are not blind.
      title: blind ? null : application.title,
      applicantName: blind ? null : application.applicant.fullName,
      organizationName: blind ? null : (application.organization?.name ?? null),
    },
    definition,
    answers,
    documents: reviewerDocuments,
    documentsByPath: Object.fromEntries(reviewerDocuments.map((item) => [item.fieldPath, item])),
    peers: peers.map((peer, index): PeerReview => ({
      position: index + 1,
      weightedScore: Number(peer.weightedScore),
      scores: Object.fromEntries(
        Object.entries(peer.scores).map(([key, entry]) => [
          key,
          { ...entry, comment: scrub(entry.comment ?? '') },
        ])
      ),
    })),
  }
}

export type ReviewerView = Awaited<ReturnType<typeof reviewerViewOf>>

function identityOf(application: Application) {
  return {
    fullName: application.applicant.fullName,
    email: application.applicant.email,
    title: application.title,
    organizationName: application.organization?.name,
    rcNumber: application.organization?.rcNumber,
    ice: application.organization?.ice,
  }
}
