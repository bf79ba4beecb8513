import { StateMachine } from '#core/state_machine'

export const CALL_STATES = ['draft', 'open', 'closed', 'decided', 'archived'] as const
export type CallState = (typeof CALL_STATES)[number]

/** draft → open → closed → decided → archived (a draft may also be archived). */
export const callLifecycle = new StateMachine<CallState>('call', {
  draft: ['open', 'archived'],
  open: ['closed'],
  closed: ['decided'],
  decided: ['archived'],
  archived: [],
})
