import { StateMachine } from '#core/state_machine'

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'screening',
  'eligible',
  'ineligible',
  'appealed',
  'in_review',
  'shortlisted',
  'rejected',
  'awarded',
  'waitlisted',
  'declined',
  'contracted',
  'disbursing',
  'completed',
  'withdrawn',
] as const
export type ApplicationState = (typeof APPLICATION_STATES)[number]

/** States from which the applicant may still withdraw: any before a decision. */
export const WITHDRAWABLE_STATES: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'screening',
  'eligible',
  'ineligible',
  'appealed',
  'in_review',
  'shortlisted',
]

/** DESIGN §3: one state machine, every transition audited. */
export const applicationLifecycle = new StateMachine<ApplicationState>('application', {
  draft: ['submitted', 'withdrawn'],
  submitted: ['screening', 'withdrawn'],
  screening: ['eligible', 'ineligible', 'withdrawn'],
  // An officer may override a verdict, with a reason (audited).
  eligible: ['in_review', 'ineligible', 'withdrawn'],
  ineligible: ['appealed', 'eligible', 'withdrawn'],
  appealed: ['eligible', 'ineligible', 'withdrawn'],
  in_review: ['shortlisted', 'rejected', 'withdrawn'],
  shortlisted: ['awarded', 'waitlisted', 'rejected', 'withdrawn'],
  waitlisted: ['awarded', 'rejected'],
  // The applicant accepts (an agreement follows) or declines (the reserve list moves up).
  awarded: ['contracted', 'declined'],
  declined: [],
  contracted: ['disbursing'],
  disbursing: ['completed'],
  rejected: [],
  completed: [],
  withdrawn: [],
})
