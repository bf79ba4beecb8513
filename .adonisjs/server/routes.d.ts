import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health': { paramsTuple?: []; params?: {} }
    'open_data_files.json': { paramsTuple: [ParamValue]; params: {'release': ParamValue} }
    'open_data_files.csv': { paramsTuple: [ParamValue]; params: {'release': ParamValue} }
    'open_data_files.latest': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.tokens.store': { paramsTuple?: []; params?: {} }
    'api.tokens.destroy': { paramsTuple?: []; params?: {} }
    'api.me': { paramsTuple?: []; params?: {} }
    'api.organizations.index': { paramsTuple?: []; params?: {} }
    'api.calls.index': { paramsTuple?: []; params?: {} }
    'api.calls.form.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.applications.index': { paramsTuple?: []; params?: {} }
    'api.applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.applications.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.applications.documents.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.applications.submission.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.call_applications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reviews.index': { paramsTuple?: []; params?: {} }
    'api.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reviews.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.stripe': { paramsTuple?: []; params?: {} }
    'api.open_data.releases.index': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'sign_up.create': { paramsTuple?: []; params?: {} }
    'sign_up.store': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'email_verification.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'second_factor.create': { paramsTuple?: []; params?: {} }
    'second_factor.store': { paramsTuple?: []; params?: {} }
    'totp_enrolment.create': { paramsTuple?: []; params?: {} }
    'totp_enrolment.store': { paramsTuple?: []; params?: {} }
    'passkey_assertions.options': { paramsTuple?: []; params?: {} }
    'passkey_assertions.store': { paramsTuple?: []; params?: {} }
    'sudo.create': { paramsTuple?: []; params?: {} }
    'sudo.store': { paramsTuple?: []; params?: {} }
    'recovery_codes.store': { paramsTuple?: []; params?: {} }
    'passkeys.options': { paramsTuple?: []; params?: {} }
    'passkeys.store': { paramsTuple?: []; params?: {} }
    'passkeys.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'email_verification.notice': { paramsTuple?: []; params?: {} }
    'email_verification.store': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile_password.update': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'organizations.index': { paramsTuple?: []; params?: {} }
    'organizations.create': { paramsTuple?: []; params?: {} }
    'organizations.store': { paramsTuple?: []; params?: {} }
    'organizations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organization_members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.invitations.create': { paramsTuple?: []; params?: {} }
    'admin.invitations.store': { paramsTuple?: []; params?: {} }
    'admin.user_roles.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_roles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_second_factors.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_logs.index': { paramsTuple?: []; params?: {} }
    'admin.audit_logs.export': { paramsTuple?: []; params?: {} }
    'admin.audit_verification.show': { paramsTuple?: []; params?: {} }
    'admin.audit_public_key.show': { paramsTuple?: []; params?: {} }
    'admin.audit_heads.show': { paramsTuple: [ParamValue]; params: {'position': ParamValue} }
    'admin.audit_head_signatures.show': { paramsTuple: [ParamValue]; params: {'position': ParamValue} }
    'admin.audit_logs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'calls.index': { paramsTuple?: []; params?: {} }
    'calls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'calls.eligibility_check.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.programmes.index': { paramsTuple?: []; params?: {} }
    'staff.programmes.create': { paramsTuple?: []; params?: {} }
    'staff.programmes.store': { paramsTuple?: []; params?: {} }
    'staff.programmes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.programmes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.create': { paramsTuple: [ParamValue]; params: {'programmeId': ParamValue} }
    'staff.calls.store': { paramsTuple: [ParamValue]; params: {'programmeId': ParamValue} }
    'staff.calls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_transitions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_forms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_forms.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_form_builders.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_form_builders.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'call_applications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.index': { paramsTuple?: []; params?: {} }
    'applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_submissions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_withdrawals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_receipts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'application_members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'member_invitations.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'member_invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'staff.call_applications.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_applications.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_deadline_extensions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_deadline_extensions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_appeals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rules.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rules.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_builders.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_builders.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_dry_runs.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_publications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.verdicts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.appeal_decisions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_queue.index': { paramsTuple?: []; params?: {} }
    'conflict_declarations.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conflict_declarations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'staff.assignments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.assignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.review_reassignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_submissions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_documents.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'documentId': ParamValue} }
    'staff.call_rubrics.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rubrics.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_scores.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_decisions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'decision_letters.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'award_responses.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_attendances.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_items.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item_id': ParamValue} }
    'staff.session_consensus.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_minutes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_minutes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rankings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_awards.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_decision_publications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.application_decisions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'training.index': { paramsTuple?: []; params?: {} }
    'training.cohorts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cohort_enrolments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cohort_enrolments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'enrolments.index': { paramsTuple?: []; params?: {} }
    'enrolments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'enrolment_withdrawals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verify.index': { paramsTuple?: []; params?: {} }
    'verify.show': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'training_numbers': { paramsTuple?: []; params?: {} }
    'enrolment_certificate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.index': { paramsTuple?: []; params?: {} }
    'institute.courses.create': { paramsTuple?: []; params?: {} }
    'institute.courses.store': { paramsTuple?: []; params?: {} }
    'institute.courses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.courses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.create': { paramsTuple?: []; params?: {} }
    'institute.cohorts.store': { paramsTuple?: []; params?: {} }
    'institute.cohorts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohort_openings.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohort_sessions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.merit_selections.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.assessments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.assessments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohort_closures.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.attendances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.attendances.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.certificate_revocations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.index': { paramsTuple?: []; params?: {} }
    'agreements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreement_bank_accounts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreement_stripe_accounts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tranche_requests.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'trancheId': ParamValue} }
    'capital_calls.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.index': { paramsTuple?: []; params?: {} }
    'finance.awards.index': { paramsTuple?: []; params?: {} }
    'finance.agreements.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.tranche_verifications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.tranche_approvals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.tranche_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.call_ledgers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.call_ledgers.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.index': { paramsTuple?: []; params?: {} }
    'payments.store': { paramsTuple?: []; params?: {} }
    'payments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.execution.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.files.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'payments.statements.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'privacy.register': { paramsTuple?: []; params?: {} }
    'privacy.show': { paramsTuple?: []; params?: {} }
    'data_requests.store': { paramsTuple?: []; params?: {} }
    'privacy_exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consents.store': { paramsTuple: [ParamValue]; params: {'purpose': ParamValue} }
    'consents.destroy': { paramsTuple: [ParamValue]; params: {'purpose': ParamValue} }
    'admin.data_requests.index': { paramsTuple?: []; params?: {} }
    'admin.erasures.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.search.index': { paramsTuple?: []; params?: {} }
    'open_data.index': { paramsTuple?: []; params?: {} }
    'open_data.cut_off': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_releases.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'scoreboard.show': { paramsTuple?: []; params?: {} }
    'staff.scoreboard.show': { paramsTuple?: []; params?: {} }
    'admin.scoreboard_targets.index': { paramsTuple?: []; params?: {} }
    'admin.scoreboard_targets.store': { paramsTuple?: []; params?: {} }
    'admin.scoreboard_targets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'progress_reports.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'progress_reports.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'continuums.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.late_progress_reports.index': { paramsTuple?: []; params?: {} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  GET: {
    'health': { paramsTuple?: []; params?: {} }
    'open_data_files.json': { paramsTuple: [ParamValue]; params: {'release': ParamValue} }
    'open_data_files.csv': { paramsTuple: [ParamValue]; params: {'release': ParamValue} }
    'open_data_files.latest': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.me': { paramsTuple?: []; params?: {} }
    'api.organizations.index': { paramsTuple?: []; params?: {} }
    'api.calls.index': { paramsTuple?: []; params?: {} }
    'api.calls.form.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.applications.index': { paramsTuple?: []; params?: {} }
    'api.applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reviews.index': { paramsTuple?: []; params?: {} }
    'api.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.open_data.releases.index': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'sign_up.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'email_verification.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'second_factor.create': { paramsTuple?: []; params?: {} }
    'totp_enrolment.create': { paramsTuple?: []; params?: {} }
    'sudo.create': { paramsTuple?: []; params?: {} }
    'email_verification.notice': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'organizations.index': { paramsTuple?: []; params?: {} }
    'organizations.create': { paramsTuple?: []; params?: {} }
    'organizations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.invitations.create': { paramsTuple?: []; params?: {} }
    'admin.user_roles.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_logs.index': { paramsTuple?: []; params?: {} }
    'admin.audit_logs.export': { paramsTuple?: []; params?: {} }
    'admin.audit_verification.show': { paramsTuple?: []; params?: {} }
    'admin.audit_public_key.show': { paramsTuple?: []; params?: {} }
    'admin.audit_heads.show': { paramsTuple: [ParamValue]; params: {'position': ParamValue} }
    'admin.audit_head_signatures.show': { paramsTuple: [ParamValue]; params: {'position': ParamValue} }
    'admin.audit_logs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'calls.index': { paramsTuple?: []; params?: {} }
    'calls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'calls.eligibility_check.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.programmes.index': { paramsTuple?: []; params?: {} }
    'staff.programmes.create': { paramsTuple?: []; params?: {} }
    'staff.programmes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.create': { paramsTuple: [ParamValue]; params: {'programmeId': ParamValue} }
    'staff.calls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_forms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_form_builders.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.index': { paramsTuple?: []; params?: {} }
    'applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_receipts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'member_invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'staff.call_applications.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_applications.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_deadline_extensions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rules.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_builders.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_queue.index': { paramsTuple?: []; params?: {} }
    'conflict_declarations.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.assignments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_documents.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'documentId': ParamValue} }
    'staff.call_rubrics.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_scores.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_decisions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'decision_letters.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_minutes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rankings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'training.index': { paramsTuple?: []; params?: {} }
    'training.cohorts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cohort_enrolments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'enrolments.index': { paramsTuple?: []; params?: {} }
    'enrolments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verify.index': { paramsTuple?: []; params?: {} }
    'verify.show': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'training_numbers': { paramsTuple?: []; params?: {} }
    'enrolment_certificate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.index': { paramsTuple?: []; params?: {} }
    'institute.courses.create': { paramsTuple?: []; params?: {} }
    'institute.courses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.create': { paramsTuple?: []; params?: {} }
    'institute.cohorts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.assessments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.attendances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.index': { paramsTuple?: []; params?: {} }
    'agreements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.index': { paramsTuple?: []; params?: {} }
    'finance.awards.index': { paramsTuple?: []; params?: {} }
    'finance.call_ledgers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.call_ledgers.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.index': { paramsTuple?: []; params?: {} }
    'payments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.files.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'privacy.register': { paramsTuple?: []; params?: {} }
    'privacy.show': { paramsTuple?: []; params?: {} }
    'privacy_exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.data_requests.index': { paramsTuple?: []; params?: {} }
    'staff.search.index': { paramsTuple?: []; params?: {} }
    'open_data.index': { paramsTuple?: []; params?: {} }
    'open_data.cut_off': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'scoreboard.show': { paramsTuple?: []; params?: {} }
    'staff.scoreboard.show': { paramsTuple?: []; params?: {} }
    'admin.scoreboard_targets.index': { paramsTuple?: []; params?: {} }
    'progress_reports.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'continuums.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.late_progress_reports.index': { paramsTuple?: []; params?: {} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  HEAD: {
    'health': { paramsTuple?: []; params?: {} }
    'open_data_files.json': { paramsTuple: [ParamValue]; params: {'release': ParamValue} }
    'open_data_files.csv': { paramsTuple: [ParamValue]; params: {'release': ParamValue} }
    'open_data_files.latest': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.me': { paramsTuple?: []; params?: {} }
    'api.organizations.index': { paramsTuple?: []; params?: {} }
    'api.calls.index': { paramsTuple?: []; params?: {} }
    'api.calls.form.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.applications.index': { paramsTuple?: []; params?: {} }
    'api.applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reviews.index': { paramsTuple?: []; params?: {} }
    'api.reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.open_data.releases.index': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'sign_up.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'email_verification.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'second_factor.create': { paramsTuple?: []; params?: {} }
    'totp_enrolment.create': { paramsTuple?: []; params?: {} }
    'sudo.create': { paramsTuple?: []; params?: {} }
    'email_verification.notice': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'organizations.index': { paramsTuple?: []; params?: {} }
    'organizations.create': { paramsTuple?: []; params?: {} }
    'organizations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.invitations.create': { paramsTuple?: []; params?: {} }
    'admin.user_roles.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit_logs.index': { paramsTuple?: []; params?: {} }
    'admin.audit_logs.export': { paramsTuple?: []; params?: {} }
    'admin.audit_verification.show': { paramsTuple?: []; params?: {} }
    'admin.audit_public_key.show': { paramsTuple?: []; params?: {} }
    'admin.audit_heads.show': { paramsTuple: [ParamValue]; params: {'position': ParamValue} }
    'admin.audit_head_signatures.show': { paramsTuple: [ParamValue]; params: {'position': ParamValue} }
    'admin.audit_logs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'calls.index': { paramsTuple?: []; params?: {} }
    'calls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'calls.eligibility_check.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.programmes.index': { paramsTuple?: []; params?: {} }
    'staff.programmes.create': { paramsTuple?: []; params?: {} }
    'staff.programmes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.create': { paramsTuple: [ParamValue]; params: {'programmeId': ParamValue} }
    'staff.calls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_forms.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_form_builders.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.index': { paramsTuple?: []; params?: {} }
    'applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_receipts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'member_invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'staff.call_applications.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_applications.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.applications.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_deadline_extensions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rules.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_builders.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_queue.index': { paramsTuple?: []; params?: {} }
    'conflict_declarations.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.assignments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_documents.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'documentId': ParamValue} }
    'staff.call_rubrics.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_scores.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_decisions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'decision_letters.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_minutes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rankings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'training.index': { paramsTuple?: []; params?: {} }
    'training.cohorts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cohort_enrolments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'enrolments.index': { paramsTuple?: []; params?: {} }
    'enrolments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'verify.index': { paramsTuple?: []; params?: {} }
    'verify.show': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'training_numbers': { paramsTuple?: []; params?: {} }
    'enrolment_certificate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.index': { paramsTuple?: []; params?: {} }
    'institute.courses.create': { paramsTuple?: []; params?: {} }
    'institute.courses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.create': { paramsTuple?: []; params?: {} }
    'institute.cohorts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.assessments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.attendances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreements.index': { paramsTuple?: []; params?: {} }
    'agreements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.index': { paramsTuple?: []; params?: {} }
    'finance.awards.index': { paramsTuple?: []; params?: {} }
    'finance.call_ledgers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.call_ledgers.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.index': { paramsTuple?: []; params?: {} }
    'payments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.files.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'privacy.register': { paramsTuple?: []; params?: {} }
    'privacy.show': { paramsTuple?: []; params?: {} }
    'privacy_exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.data_requests.index': { paramsTuple?: []; params?: {} }
    'staff.search.index': { paramsTuple?: []; params?: {} }
    'open_data.index': { paramsTuple?: []; params?: {} }
    'open_data.cut_off': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'scoreboard.show': { paramsTuple?: []; params?: {} }
    'staff.scoreboard.show': { paramsTuple?: []; params?: {} }
    'admin.scoreboard_targets.index': { paramsTuple?: []; params?: {} }
    'progress_reports.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'continuums.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.late_progress_reports.index': { paramsTuple?: []; params?: {} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  POST: {
    'api.tokens.store': { paramsTuple?: []; params?: {} }
    'api.applications.documents.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.applications.submission.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.call_applications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.stripe': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'sign_up.store': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'second_factor.store': { paramsTuple?: []; params?: {} }
    'totp_enrolment.store': { paramsTuple?: []; params?: {} }
    'passkey_assertions.options': { paramsTuple?: []; params?: {} }
    'passkey_assertions.store': { paramsTuple?: []; params?: {} }
    'sudo.store': { paramsTuple?: []; params?: {} }
    'recovery_codes.store': { paramsTuple?: []; params?: {} }
    'passkeys.options': { paramsTuple?: []; params?: {} }
    'passkeys.store': { paramsTuple?: []; params?: {} }
    'email_verification.store': { paramsTuple?: []; params?: {} }
    'organizations.store': { paramsTuple?: []; params?: {} }
    'organization_members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.invitations.store': { paramsTuple?: []; params?: {} }
    'staff.programmes.store': { paramsTuple?: []; params?: {} }
    'staff.calls.store': { paramsTuple: [ParamValue]; params: {'programmeId': ParamValue} }
    'staff.call_transitions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'call_applications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_submissions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_withdrawals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'member_invitations.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'staff.call_deadline_extensions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_appeals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_dry_runs.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_publications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.verdicts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.appeal_decisions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_reevaluations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conflict_declarations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_members.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.assignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.review_reassignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'review_submissions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'award_responses.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.committee_sessions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_attendances.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_minutes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_awards.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_decision_publications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.application_decisions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cohort_enrolments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'enrolment_withdrawals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.courses.store': { paramsTuple?: []; params?: {} }
    'institute.cohorts.store': { paramsTuple?: []; params?: {} }
    'institute.cohort_openings.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohort_sessions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.merit_selections.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohort_closures.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.certificate_revocations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tranche_requests.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'trancheId': ParamValue} }
    'capital_calls.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.agreements.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.tranche_verifications.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.tranche_approvals.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'finance.tranche_cancellations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.store': { paramsTuple?: []; params?: {} }
    'payments.execution.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.statements.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'data_requests.store': { paramsTuple?: []; params?: {} }
    'consents.store': { paramsTuple: [ParamValue]; params: {'purpose': ParamValue} }
    'admin.erasures.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_releases.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.scoreboard_targets.store': { paramsTuple?: []; params?: {} }
    'progress_reports.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  DELETE: {
    'api.tokens.destroy': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'passkeys.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.user_second_factors.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'staff.committee_members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'consents.destroy': { paramsTuple: [ParamValue]; params: {'purpose': ParamValue} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  PATCH: {
    'api.applications.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  PUT: {
    'api.reviews.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile_password.update': { paramsTuple?: []; params?: {} }
    'admin.user_roles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.programmes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.calls.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_forms.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_form_builders.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'applications.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'application_members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'staff.call_rules.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.rule_builders.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.call_rubrics.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.session_items.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item_id': ParamValue} }
    'staff.session_consensus.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.courses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.cohorts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.assessments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institute.attendances.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreement_bank_accounts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agreement_stripe_accounts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.scoreboard_targets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  OPTIONS: {
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}