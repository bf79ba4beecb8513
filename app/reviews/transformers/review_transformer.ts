import type Review from '#reviews/models/review'
import type { ReviewerView } from '#reviews/reviewer_view'

/** A reviewer's assignment in their list: no applicant, no scores of others. */
export function reviewSummaryResource(review: Review & { reference?: string | null }) {
  return {
    id: review.id,
    callId: review.callId,
    reference: review.reference ?? null,
    state: review.state,
    dueAt: review.dueAt.toISO(),
    submittedAt: review.submittedAt?.toISO() ?? null,
    weightedScore: review.weightedScore === null ? null : Number(review.weightedScore),
  }
}

/**
 * One review with the application as its reviewer may see it (blind when the call is)
 * and, once submitted, the other submitted reviews without their reviewers' names.
 */
export function reviewResource(view: ReviewerView) {
  const { review, rubric, application } = view
  return {
    ...reviewSummaryResource(review),
    reference: application.reference,
    blind: view.blind,
    scores: review.scores,
    rubric: rubric && {
      scaleMax: rubric.scaleMax,
      locked: rubric.lockedAt !== null,
      criteria: rubric.criteria.map((criterion) => ({
        key: criterion.key,
        label: criterion.label,
        guidance: criterion.guidance,
        weight: criterion.weight,
      })),
    },
    application: {
      reference: application.reference,
      submittedAt: application.submittedAt?.toISO() ?? null,
      title: application.title,
      applicantName: application.applicantName,
      organizationName: application.organizationName,
      answers: view.answers,
      documents: view.documents.map((document) => ({
        id: document.id,
        fieldPath: document.fieldPath,
        name: document.originalName,
        mimeType: document.mimeType,
        sizeBytes: document.sizeBytes,
        url: document.url,
      })),
    },
    otherReviews: review.state === 'submitted' ? view.peers : null,
  }
}
