/*
| Every background job, by name. A job is dispatched by this name
| (`queue.dispatch('mail.send', payload)`) and the worker imports its class lazily.
*/
export const jobs = {
  'mail.send': () => import('#core/mail/send_mail_job'),
  'eligibility.reevaluate_call': () => import('#eligibility/jobs/reevaluate_call_job'),
}

export type JobName = keyof typeof jobs
