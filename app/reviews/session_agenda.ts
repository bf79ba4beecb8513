import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import { type ApplicantIdentity, applicantScrubber } from '#reviews/blind_view'
import type { RubricCriterion, ReviewScores } from '#reviews/rubric'
import type { FormAnswers, FormDefinition } from '#programmes/forms/form_definition'
import { localize } from '#core/i18n/localized_text'

/** One reviewer's scores on an agenda item; reviewers are numbered, never named. */
export interface AgendaReview {
  position: number
  weightedScore: number | null
  criteria: Array<{ label: string; score: number | null; comment: string }>
}

/** An agenda item as the committee discusses it (DESIGN §5: mean, spread, normalized score). */
export interface AgendaEntry {
  id: number
  position: number
  reason: string
  applicationId: number
  reference: string | null
  /** Null in a blind call: the title is the applicant's or company's name. */
  title: string | null
  meanScore: number | null
  stdDev: number | null
  normalizedScore: number | null
  disagreement: boolean
  consensusScore: number | null
  recommendation: string | null
  rationale: string | null
  decidedAt: DateTime | Date | null
  reviews: AgendaReview[]
}

const numberOrNull = (value: unknown) =>
  value === null || value === undefined ? null : Number(value)

/**
 * A session's agenda with each application's scores and the submitted reviews' comments,
 * in three queries whatever its length. In a blind call the title is withheld and the
 * comments are scrubbed of the applicant's identity (a reviewer may have named them).
 */
export async function sessionAgenda(
  session: { id: number; callId: number },
  blind: boolean,
  locale: string,
  mask: string
): Promise<AgendaEntry[]> {
  const [items, reviews, rubric] = await Promise.all([
    db
      .from('session_items as si')
      .join('applications as a', 'a.id', 'si.application_id')
      .join('users as u', 'u.id', 'a.applicant_id')
      .leftJoin('organizations as o', 'o.id', 'a.organization_id')
      .leftJoin('form_versions as fv', 'fv.id', 'a.form_version_id')
      .leftJoin('review_aggregates as ra', 'ra.application_id', 'a.id')
      .where('si.session_id', session.id)
      .orderBy('si.position')
      .select(
        'si.id',
        'si.position',
        'si.reason',
        'si.application_id',
        'si.consensus_score',
        'si.recommendation',
        'si.rationale',
        'si.decided_at',
        'a.reference',
        'a.title',
        'ra.mean_score',
        'ra.std_dev',
        'ra.normalized_score',
        'ra.disagreement'
      )
      // What identifies the applicant, read only to scrub it from the comments.
      .select(
        db.raw(
          blind
            ? `json_build_object('fullName', u.full_name, 'email', u.email, 'organizationName', o.name,
                'rcNumber', o.rc_number, 'ice', o.ice, 'definition', fv.definition,
                'answers', a.submitted_answers) AS identity`
            : 'NULL AS identity'
        )
      ),
    db
      .from('reviews as r')
      .join('session_items as si', 'si.application_id', 'r.application_id')
      .where('si.session_id', session.id)
      .where('r.state', 'submitted')
      .orderBy('r.submitted_at')
      .orderBy('r.id')
      .select('r.application_id', 'r.weighted_score', 'r.scores'),
    db.from('call_rubrics').where('call_id', session.callId).select('criteria').first(),
  ])
  const criteria: RubricCriterion[] = rubric?.criteria ?? []
  const reviewsOf = new Map<number, Array<{ weighted_score: unknown; scores: ReviewScores }>>()
  for (const review of reviews) {
    reviewsOf.set(review.application_id, [...(reviewsOf.get(review.application_id) ?? []), review])
  }

  return items.map((item): AgendaEntry => {
    const scrub = blind ? scrubberOf(item.title, item.identity, mask) : (text: string) => text
    return {
      id: item.id,
      position: item.position,
      reason: item.reason,
      applicationId: item.application_id,
      reference: item.reference,
      title: blind ? null : item.title,
      meanScore: numberOrNull(item.mean_score),
      stdDev: numberOrNull(item.std_dev),
      normalizedScore: numberOrNull(item.normalized_score),
      disagreement: item.disagreement === true,
      consensusScore: numberOrNull(item.consensus_score),
      recommendation: item.recommendation,
      rationale: item.rationale,
      decidedAt: item.decided_at,
      reviews: (reviewsOf.get(item.application_id) ?? []).map((review, index) => ({
        position: index + 1,
        weightedScore: numberOrNull(review.weighted_score),
        criteria: criteria.map((criterion) => ({
          label: localize(criterion.label, locale),
          score: review.scores[criterion.key]?.score ?? null,
          comment: scrub(review.scores[criterion.key]?.comment ?? ''),
        })),
      })),
    }
  })
}

function scrubberOf(
  title: string | null,
  identity: {
    definition: FormDefinition | null
    answers: FormAnswers | null
    [key: string]: unknown
  },
  mask: string
) {
  const { definition, answers, ...known } = identity
  return applicantScrubber(
    definition ?? { sections: [] },
    answers ?? {},
    { ...(known as ApplicantIdentity), title },
    mask
  )
}
