import { StateMachine } from '#core/state_machine'

export const REVIEW_STATES = ['assigned', 'draft', 'submitted'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/**
 * A review is assigned, saved as a draft (as often as the reviewer likes), then
 * submitted once; a submitted review is final.
 */
export const reviewLifecycle = new StateMachine<ReviewState>('review', {
  assigned: ['draft', 'submitted'],
  draft: ['submitted'],
  submitted: [],
})
