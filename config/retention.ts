import env from '#start/env'

/**
 * What the portal keeps, why, and for how long (law 09-08, CNDP). The retention job
 * (`node ace retention:apply`, daily in the worker) applies these periods, and the
 * public register of processing (/privacy/register) is generated from the same data:
 * change a period here and both follow.
 */

/*
| Not here, on purpose:
| - the audit log (`audit_logs`): append-only and chained, kept without limit, since it
|   proves that decisions and payments were regular; erasure never rewrites it, which is
|   why audit entries carry ids, states and amounts, never names or addresses;
| - amounts, decisions, agreements, tranches and the ledger: public accounting (legal
|   obligation); erasure keeps them without the person's name;
| - application logs (pino, JSON on stdout): no passwords, tokens or IBANs are logged;
|   their retention is the log platform's (90 days is a sensible setting there).
*/
export const RECORD_KINDS = [
  'abandoned_drafts',
  'closed_applications',
  'uploaded_files',
  'expired_exports',
  'spent_tokens',
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export interface RetentionRule {
  /** Days after the record's reference date before it is erased or pseudonymised. */
  days: number
  /** What happens when the period is over. */
  effect: 'delete' | 'pseudonymise'
}

export const retentionPolicy: Record<RecordKind, RetentionRule> = {
  // A draft nobody touched for a year after its call closed will never be submitted:
  // deleted with its files (nothing was decided on it).
  abandoned_drafts: { days: 365, effect: 'delete' },
  // Ineligible, rejected and withdrawn applications: kept 5 years after the last change to
  // answer appeals, audits of the programme and the Court of Accounts; then the free-text
  // answers are replaced (states, amounts and decisions stay for statistics).
  closed_applications: { days: 5 * 365, effect: 'pseudonymise' },
  // The files of those same closed applications (CVs, decks): deleted on the same date.
  uploaded_files: { days: 5 * 365, effect: 'delete' },
  // A personal data export zip: its link works 7 days, then the file goes.
  expired_exports: { days: 7, effect: 'delete' },
  // Used or expired one-time tokens (verification, reset, invitation): 30 days of
  // troubleshooting, then deleted.
  spent_tokens: { days: 30, effect: 'delete' },
}

/** Legal deadline to answer a data request (law 09-08 expects a prompt answer). */
export const requestDeadlineDays = env.get('PRIVACY_REQUEST_DEADLINE_DAYS') ?? 30

/** How long the emailed link to a data export works. */
export const exportLinkDays = retentionPolicy.expired_exports.days

/** Records handled per batch by the retention job: short transactions, no long locks. */
export const retentionBatchSize = 500

/**
 * The register of processing (CNDP): one entry per purpose. Texts are i18n keys under
 * `privacy.register.<id>`; `keptAs` links each one to the retention rules above.
 */
export const processings = [
  {
    id: 'applications',
    legalBasis: 'consent',
    categories: ['identity', 'contact', 'professional', 'project', 'files'],
    recipients: ['programme_office', 'committee'],
    keptAs: ['abandoned_drafts', 'closed_applications', 'uploaded_files'] as RecordKind[],
  },
  {
    id: 'disbursements',
    legalBasis: 'legal_obligation',
    categories: ['identity', 'bank'],
    recipients: ['programme_office', 'finance', 'bank'],
    keptAs: [] as RecordKind[],
  },
  {
    id: 'training',
    legalBasis: 'consent',
    categories: ['identity', 'contact', 'demographics'],
    recipients: ['institute'],
    keptAs: [] as RecordKind[],
  },
  {
    id: 'accounts',
    legalBasis: 'contract',
    categories: ['identity', 'contact'],
    recipients: ['programme_office'],
    keptAs: ['spent_tokens', 'expired_exports'] as RecordKind[],
  },
] as const
