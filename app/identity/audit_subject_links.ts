/**
 * The page an audit entry's subject opens on, by subject type: only types that have a
 * page taking the subject's id. Other subjects show as text.
 */
export const AUDIT_SUBJECT_ROUTES: Record<string, string> = {
  application: 'staff.applications.show',
  call: 'staff.calls.show',
  programme: 'staff.programmes.edit',
  organization: 'organizations.show',
  user: 'admin.user_roles.edit',
  committee_session: 'staff.committee_sessions.show',
  cohort: 'training.cohorts.show',
  agreement: 'agreements.show',
  payment_batch: 'payments.show',
  audit_log: 'admin.audit_logs.show',
}
