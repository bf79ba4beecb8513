import { StateMachine } from '#core/state_machine'

export const TRANCHE_STATES = [
  'planned',
  'requested',
  'verified',
  'approved',
  'submitting',
  'paid',
  'failed',
  'reconciled',
  'cancelled',
] as const
export type TrancheState = (typeof TRANCHE_STATES)[number]

/**
 * DESIGN §6. `submitting` is the claim a payment job takes (`UPDATE … WHERE state =
 * 'approved'`) before it calls a rail, so two jobs never pay the same tranche; a failed
 * payment can be approved again after correction.
 */
export const trancheLifecycle = new StateMachine<TrancheState>('tranche', {
  planned: ['requested', 'cancelled'],
  requested: ['verified', 'planned', 'cancelled'],
  verified: ['approved', 'requested', 'cancelled'],
  approved: ['submitting', 'cancelled'],
  submitting: ['paid', 'failed'],
  paid: ['reconciled'],
  failed: ['approved', 'cancelled'],
  reconciled: [],
  cancelled: [],
})
