/*
| Every background job, by name. A job is dispatched by this name
| (`queue.dispatch('mail.send', payload)`) and the worker imports its class lazily.
*/
export const jobs = {
  'mail.send': () => import('#core/mail/send_mail_job'),
  'eligibility.reevaluate_call': () => import('#eligibility/jobs/reevaluate_call_job'),
  'reviews.send_reminders': () => import('#reviews/jobs/review_reminders_job'),
  'payments.pay_tranche': () => import('#disbursements/jobs/pay_tranche_job'),
  'payments.stripe_event': () => import('#disbursements/jobs/stripe_event_job'),
}

export type JobName = keyof typeof jobs
