import { DateTime } from 'luxon'
import CallRubric from '#reviews/models/call_rubric'
import Review from '#reviews/models/review'
import { weightedScore, type RubricCriterion, type ReviewScores } from '#reviews/rubric'
import type Application from '#applications/models/application'
import type Call from '#programmes/models/call'
import type User from '#identity/models/user'

/** Two criteria, team weighing twice as much as market, scored 0–5. */
export const TEST_CRITERIA: RubricCriterion[] = [
  {
    key: 'team',
    label: { fr: 'Équipe', ar: 'الفريق', zgh: 'ⵜⴰⵔⴱⴰⵄⵜ', en: 'Team' },
    guidance: {
      fr: "L'équipe a-t-elle l'expérience du projet ?",
      ar: 'هل للفريق خبرة في المشروع؟',
      en: 'Does the team have the experience the project needs?',
    },
    weight: 2,
  },
  {
    key: 'market',
    label: { fr: 'Marché', ar: 'السوق', zgh: 'ⴰⵙⵓⵇ', en: 'Market' },
    guidance: { fr: 'Le marché est-il réel et accessible ?', en: 'Is the market real?' },
    weight: 1,
  },
]

/** A rubric for a call (TEST_CRITERIA on 0–5 unless told otherwise). */
export function rubricOf(call: Call, overrides: Partial<CallRubric> = {}) {
  return CallRubric.create({
    callId: call.id,
    criteria: TEST_CRITERIA,
    scaleMax: 5,
    reviewsPerApplication: 3,
    reviewDays: 14,
    disagreementThreshold: 15,
    awardThreshold: 60,
    ...overrides,
  })
}

/** An assignment, as the committee's assignment writes it. */
export function assignedReview(application: Application, reviewer: User) {
  return Review.create({
    callId: application.callId,
    applicationId: application.id,
    reviewerId: reviewer.id,
    state: 'assigned',
    dueAt: DateTime.utc().plus({ days: 14 }),
    scores: {},
  })
}

/** Scores of TEST_CRITERIA with a comment each. */
export function scoresOf(team: number, market: number, comment = 'RAS'): ReviewScores {
  return {
    team: { score: team, comment: `${comment} (team)` },
    market: { score: market, comment: `${comment} (market)` },
  }
}

/** A review already submitted with these scores of TEST_CRITERIA (no aggregates computed). */
export function submittedReview(application: Application, reviewer: User, scores: ReviewScores) {
  return Review.create({
    callId: application.callId,
    applicationId: application.id,
    reviewerId: reviewer.id,
    state: 'submitted',
    dueAt: DateTime.utc().plus({ days: 14 }),
    scores,
    weightedScore: weightedScore(TEST_CRITERIA, 5, scores),
    submittedAt: DateTime.utc(),
  })
}
