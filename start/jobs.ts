/*
| Every background job, by name. A job is dispatched by this name
| (`queue.dispatch('mail.send', payload)`) and the worker imports its class lazily.
*/
import { openDataSweepPattern } from '#config/open_data'

export const jobs = {
  'mail.send': () => import('#core/mail/send_mail_job'),
  'audit.seal': () => import('#core/audit/seal_audit_log_job'),
  'eligibility.reevaluate_call': () => import('#eligibility/jobs/reevaluate_call_job'),
  'reviews.send_reminders': () => import('#reviews/jobs/review_reminders_job'),
  'applications.send_draft_reminders': () => import('#applications/jobs/draft_reminders_job'),
  'payments.pay_tranche': () => import('#disbursements/jobs/pay_tranche_job'),
  'payments.stripe_event': () => import('#disbursements/jobs/stripe_event_job'),
  'api.purge_idempotency_keys': () => import('#core/jobs/purge_idempotency_keys_job'),
  'privacy.apply_retention': () => import('#privacy/jobs/apply_retention_job'),
  'privacy.build_export': () => import('#privacy/jobs/build_export_job'),
  'open_data.issue_release': () => import('#reporting/register/jobs/issue_release_job'),
  'open_data.sweep': () => import('#reporting/register/jobs/sweep_releases_job'),
  'progress.send_reminders': () => import('#reporting/progress/jobs/progress_reminders_job'),
}

export type JobName = keyof typeof jobs

/**
 * Jobs that run on a calendar (cron patterns in Casablanca time). Every worker declares
 * them at start; BullMQ keeps one scheduler per name, so several workers add nothing twice.
 */
export const schedules: { name: JobName; pattern: string }[] = [
  // Reviewers hear about reviews due within 48 h or overdue, each morning.
  { name: 'reviews.send_reminders', pattern: '0 8 * * *' },
  // Owners of drafts whose deadline is N days away (N per call), hourly so that a
  // deadline in the afternoon is not reminded a day late.
  { name: 'applications.send_draft_reminders', pattern: '10 * * * *' },
  // The API's Idempotency-Key rows past their 24 hours, at night.
  { name: 'api.purge_idempotency_keys', pattern: '30 3 * * *' },
  // The audit log's new entries join the hash chain within a minute.
  { name: 'audit.seal', pattern: '* * * * *' },
  // Retention periods of config/retention.ts, applied each night.
  { name: 'privacy.apply_retention', pattern: '0 4 * * *' },
  // The open-data register catches up with payments and other changes (app/reporting/register).
  { name: 'open_data.sweep', pattern: openDataSweepPattern },
  // Beneficiaries hear about progress reports due within a week or overdue (once each).
  { name: 'progress.send_reminders', pattern: '30 8 * * *' },
]
