import { DRAFTER_EMAIL, type Actor, type RecordKey } from '#tests/helpers/authorization_world'

/**
 * WHO MAY USE WHICH ROUTE — the table the authorization matrix
 * (tests/functional/core/authorization_matrix.spec.ts) checks against the router.
 *
 * Every route name the router knows needs one line here, or the matrix fails and prints
 * the missing names (a line for a route that no longer exists fails it too). Add one
 * line per new route, next to its neighbours, e.g.
 *
 *   'staff.things.show': { params: { id: 'openCall' }, allow: ['programme_officer'] },
 *   'application_members.store': { params: { id: 'draft' }, allow: ['owner'] },
 *   'open_data.index': PUBLIC,
 *
 * - `PUBLIC` (or `publicOn(params)`): no sign-in needed (public pages, sign-in forms, token
 *   links, webhooks); an anonymous GET must not be refused nor sent to /login. Unknown
 *   `:token`/`:code` params are filled with a value no record has.
 * - `SIGNED_IN`: any signed-in person, about their own account or their own lists
 *   (profile, dashboard, "my applications"): anonymous must be refused, an applicant who
 *   owns nothing must get through.
 * - `{ allow, params }`: the people who may use it. Actors are the anonymous visitor, one
 *   outsider per role of the app's ROLES (`applicant`, `fund_manager`, `trainee`,
 *   `reviewer`, `programme_officer`, `finance_officer`, `institute_coordinator`, `admin`,
 *   `ministry`: accounts with that role that own nothing, sit on no committee and
 *   coordinate another institute), and the people related to the records the route's ids point to (`owner`,
 *   `member`, `viewer`, `invitee`, `chair`, `assignedReviewer`, `coordinator`: see
 *   RELATIVES and buildAuthorizationWorld in tests/helpers/authorization_world.ts, where a
 *   new kind of record is added as a RecordKey and one `put`). Every actor not listed must get 403
 *   or 404 (anonymous: a redirect to /login, or 401 on the API) and write nothing; the
 *   allowed staff must get 403 while signed in with their password only; the listed
 *   actors must get neither 401/403/404 nor 5xx, whatever the method (their writes run in
 *   a savepoint rolled back afterwards).
 *   `params` maps each URL param to a record of the world, or to `{ value }` for a
 *   non-id param (a file format, a consent purpose).
 * - `body`: what is sent (JSON) instead of `{}`, when the route validates before it looks
 *   at the record, so that the refusal, not the validator, answers.
 * - `foreign`: for a route with two ids (a review and one of its documents), a record
 *   of ANOTHER parent for the inner id: even the allowed actors must get 403/404 with it.
 * - `signed`: the URL is signed for this purpose, as the mail that carries it: a valid
 *   signature must not open someone else's record.
 * - `checkAllowed: false`: skip the check of the allowed actors (say why in a comment).
 */
export type ParamValue = RecordKey | { value: string }

export interface RestrictedAccess {
  kind?: undefined
  allow: Actor[]
  params?: Record<string, ParamValue>
  body?: Record<string, unknown>
  foreign?: Record<string, RecordKey>
  /** A signed URL of this purpose (the link a mail carries). */
  signed?: string
  checkAllowed?: false
}

export type RouteAccess =
  | { kind: 'public'; params?: Record<string, ParamValue> }
  | { kind: 'signedIn'; params?: Record<string, ParamValue> }
  | RestrictedAccess

const PUBLIC: RouteAccess = { kind: 'public' }
const SIGNED_IN: RouteAccess = { kind: 'signedIn' }
const publicOn = (params: Record<string, ParamValue>): RouteAccess => ({ kind: 'public', params })

const OFFICER: Actor[] = ['programme_officer']
const FINANCE: Actor[] = ['finance_officer']
const ADMIN: Actor[] = ['admin']
const COORDINATOR: Actor[] = ['coordinator']
const OWNER_VIEWER_OFFICER: Actor[] = ['owner', 'viewer', 'programme_officer']
const DASHBOARD_READERS: Actor[] = ['programme_officer', 'finance_officer', 'admin']

const onCall = (allow: Actor[] = OFFICER): RouteAccess => ({ params: { id: 'openCall' }, allow })
const onPastCall = (allow: Actor[] = OFFICER): RouteAccess => ({
  params: { id: 'pastCall' },
  allow,
})

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  // Probes, catch-alls, sign-in and public pages
  'health': PUBLIC,
  'not_found': PUBLIC,
  'api.not_found': PUBLIC,
  'api.tokens.store': PUBLIC,
  'api.calls.index': PUBLIC,
  'api.calls.form.show': publicOn({ id: 'openCall' }),
  'api.openapi': PUBLIC,
  'api.webhooks.stripe': PUBLIC,
  'locale.update': PUBLIC,
  'sign_up.create': PUBLIC,
  'sign_up.store': PUBLIC,
  'session.create': PUBLIC,
  'session.store': PUBLIC,
  'password_reset.create': PUBLIC,
  'password_reset.store': PUBLIC,
  'password_reset.edit': PUBLIC,
  'password_reset.update': PUBLIC,
  'invitations.edit': PUBLIC,
  'invitations.update': PUBLIC,
  'email_verification.update': PUBLIC,
  'home': PUBLIC,
  'calls.index': PUBLIC,
  'calls.show': publicOn({ id: 'openCall' }),
  'calls.eligibility_check.show': publicOn({ id: 'openCall' }),
  'training.index': PUBLIC,
  'training.cohorts.show': publicOn({ id: 'publicCohort' }),
  'verify.index': PUBLIC,
  'verify.show': PUBLIC,
  'training_numbers': PUBLIC,
  'privacy.register': PUBLIC,
  // The open-data register: pages, the release files and their API are everyone's.
  'open_data.index': PUBLIC,
  'open_data.cut_off': publicOn({ id: 'pastCall' }),
  'open_data_files.json': publicOn({ release: 'release' }),
  'open_data_files.csv': publicOn({ release: 'release' }),
  'open_data_files.latest': publicOn({ id: 'pastCall' }),
  'api.open_data.releases.index': PUBLIC,

  // One's own account (identity)
  'api.tokens.destroy': SIGNED_IN,
  'api.me': SIGNED_IN,
  'api.organizations.index': SIGNED_IN,
  'session.destroy': SIGNED_IN,
  'second_factor.create': SIGNED_IN,
  'second_factor.store': SIGNED_IN,
  'totp_enrolment.create': SIGNED_IN,
  'totp_enrolment.store': SIGNED_IN,
  'passkey_assertions.options': SIGNED_IN,
  'passkey_assertions.store': SIGNED_IN,
  'sudo.create': SIGNED_IN,
  'sudo.store': SIGNED_IN,
  'recovery_codes.store': SIGNED_IN,
  'passkeys.options': SIGNED_IN,
  'passkeys.store': SIGNED_IN,
  'passkeys.destroy': { params: { id: 'passkey' }, allow: ['owner'] },
  'email_verification.notice': SIGNED_IN,
  'email_verification.store': SIGNED_IN,
  'profile.edit': SIGNED_IN,
  'profile.update': SIGNED_IN,
  'profile_password.update': SIGNED_IN,
  'dashboard': SIGNED_IN,
  'organizations.index': SIGNED_IN,
  'organizations.create': SIGNED_IN,
  'organizations.store': SIGNED_IN,
  'organizations.show': {
    params: { id: 'organization' },
    allow: ['owner', 'member', 'admin'],
  },
  'organization_members.store': { params: { id: 'organization' }, allow: ['owner'] },

  // Administration
  'admin.users.index': { allow: ADMIN },
  'admin.invitations.create': { allow: ADMIN },
  'admin.invitations.store': { allow: ADMIN },
  'admin.user_roles.edit': { params: { id: 'user' }, allow: ADMIN },
  'admin.user_roles.update': { params: { id: 'user' }, allow: ADMIN },
  'admin.user_second_factors.destroy': { params: { id: 'user' }, allow: ADMIN },
  'admin.audit_logs.index': { allow: ADMIN },
  'admin.audit_logs.export': { allow: ADMIN },
  'admin.audit_verification.show': { allow: ADMIN },
  'admin.audit_public_key.show': { allow: ADMIN },
  'admin.audit_heads.show': { params: { position: 'auditHead' }, allow: ADMIN },
  'admin.audit_head_signatures.show': { params: { position: 'auditHead' }, allow: ADMIN },
  'admin.audit_logs.show': { params: { id: 'auditLog' }, allow: ADMIN },
  'admin.data_requests.index': { allow: ADMIN },
  'admin.erasures.store': { params: { id: 'erasureRequest' }, allow: ADMIN },

  // Programmes and calls (officers)
  'staff.programmes.index': { allow: OFFICER },
  'staff.programmes.create': { allow: OFFICER },
  'staff.programmes.store': { allow: OFFICER },
  'staff.programmes.edit': { params: { id: 'programme' }, allow: OFFICER },
  'staff.programmes.update': { params: { id: 'programme' }, allow: OFFICER },
  'staff.calls.create': { params: { programmeId: 'programme' }, allow: OFFICER },
  'staff.calls.store': { params: { programmeId: 'programme' }, allow: OFFICER },
  'staff.calls.show': onCall(),
  'staff.calls.edit': onCall(),
  'staff.calls.update': onCall(),
  'staff.call_transitions.store': onCall(),
  'staff.call_forms.edit': onCall(),
  'staff.call_forms.update': onCall(),
  'staff.call_form_builders.edit': onCall(),
  'staff.call_form_builders.update': onCall(),
  'staff.search.index': { allow: ['programme_officer', 'finance_officer', 'admin'] },

  // Applications
  'call_applications.store': onCall(['applicant']),
  'api.call_applications.store': onCall(['applicant']),
  'applications.index': SIGNED_IN,
  'api.applications.index': SIGNED_IN,
  // Co-applicants: the viewer reads; the editor (`member`, allowed to submit) fills in
  // and submits; only the owners withdraw, appeal, answer a decision, manage members.
  'applications.show': { params: { id: 'decided' }, allow: OWNER_VIEWER_OFFICER },
  'api.applications.show': { params: { id: 'decided' }, allow: OWNER_VIEWER_OFFICER },
  'applications.edit': { params: { id: 'draft' }, allow: ['owner', 'member'] },
  'applications.update': { params: { id: 'draft' }, allow: ['owner', 'member'] },
  'api.applications.update': { params: { id: 'draft' }, allow: ['owner', 'member'] },
  'api.applications.documents.store': { params: { id: 'draft' }, allow: ['owner', 'member'] },
  'application_submissions.store': { params: { id: 'draft' }, allow: ['owner', 'member'] },
  'api.applications.submission.store': { params: { id: 'draft' }, allow: ['owner', 'member'] },
  'application_withdrawals.store': { params: { id: 'draft' }, allow: ['owner'] },
  'application_receipts.show': { params: { id: 'decided' }, allow: OWNER_VIEWER_OFFICER },
  'application_members.store': {
    params: { id: 'draft' },
    allow: ['owner'],
    body: { email: 'authz-invitee@example.ma', role: 'viewer' },
  },
  'application_members.update': {
    params: { id: 'draft', memberId: 'draftMember' },
    allow: ['owner'],
    body: { role: 'viewer' },
    foreign: { memberId: 'otherApplicationMember' },
  },
  'application_members.destroy': {
    params: { id: 'draft', memberId: 'draftMember' },
    allow: ['owner'],
    foreign: { memberId: 'otherApplicationMember' },
  },
  // The mailed link: anyone may open it (it says whom to sign in as); only the person
  // it was sent to accepts it, not the inviter nor anyone the link was forwarded to.
  'member_invitations.show': publicOn({ token: 'memberInvitation' }),
  'member_invitations.update': { params: { token: 'memberInvitation' }, allow: ['invitee'] },
  'application_documents.show': {
    params: { id: 'document' },
    allow: ['owner', 'programme_officer'],
  },
  'application_appeals.store': { params: { id: 'ineligible' }, allow: ['owner'] },
  'staff.call_applications.index': onCall(),
  'staff.call_applications.export': onCall(),
  'staff.applications.show': { params: { id: 'decided' }, allow: OFFICER },
  'staff.call_deadline_extensions.index': onCall(),
  'staff.call_deadline_extensions.store': {
    params: { id: 'openCall' },
    allow: OFFICER,
    body: { email: DRAFTER_EMAIL, closesAt: '2099-12-31T12:00', reason: 'Un justificatif médical' },
  },

  // Eligibility (officers)
  'staff.call_rules.edit': onCall(),
  'staff.call_rules.update': onCall(),
  'staff.rule_builders.edit': onCall(),
  'staff.rule_builders.update': onCall(),
  'staff.rule_dry_runs.store': onCall(),
  'staff.rule_publications.store': onCall(),
  'staff.verdicts.store': { params: { id: 'ineligible' }, allow: OFFICER },
  'staff.appeal_decisions.store': { params: { id: 'ineligible' }, allow: OFFICER },
  'staff.call_reevaluations.index': onCall(),
  'staff.call_reevaluations.store': onCall(),
  'staff.call_reevaluations.show': onCall(),

  // Committees and reviews
  'review_queue.index': { allow: ['reviewer'] },
  'api.reviews.index': SIGNED_IN,
  'conflict_declarations.create': { params: { id: 'review' }, allow: ['assignedReviewer'] },
  'conflict_declarations.store': {
    params: { id: 'review' },
    allow: ['assignedReviewer'],
    body: { scope: 'application', reason: 'Un lien avec le fondateur' },
  },
  'reviews.show': { params: { id: 'review' }, allow: ['assignedReviewer'] },
  'reviews.update': { params: { id: 'review' }, allow: ['assignedReviewer'] },
  'review_submissions.store': { params: { id: 'review' }, allow: ['assignedReviewer'] },
  'api.reviews.show': { params: { id: 'review' }, allow: ['assignedReviewer'] },
  'api.reviews.update': { params: { id: 'review' }, allow: ['assignedReviewer'] },
  'review_documents.show': {
    params: { id: 'review', documentId: 'reviewDocument' },
    allow: ['assignedReviewer'],
    foreign: { documentId: 'document' },
  },
  'staff.committee.index': onCall(),
  'staff.committee_members.store': onCall(),
  'staff.committee_members.destroy': {
    params: { id: 'openCall', memberId: 'committeeMember' },
    allow: OFFICER,
    foreign: { memberId: 'pastCallMember' },
  },
  'staff.assignments.index': onCall(),
  'staff.assignments.store': onCall(),
  'staff.review_reassignments.store': { params: { id: 'review' }, allow: OFFICER },
  'staff.call_rubrics.edit': onCall(),
  'staff.call_rubrics.update': onCall(),
  'staff.call_scores.index': onPastCall(),

  // Decisions and committee sessions (the decided application's co-applicant `viewer`
  // reads the application, not its decision: its owners answer it)
  'application_decisions.show': { params: { id: 'decided' }, allow: ['owner'] },
  'decision_letters.show': { params: { id: 'decided' }, allow: ['owner'] },
  'award_responses.store': { params: { id: 'decided' }, allow: ['owner'] },
  'staff.committee_sessions.index': onPastCall(),
  'staff.committee_sessions.store': onPastCall(),
  'staff.committee_sessions.show': {
    params: { id: 'session' },
    allow: ['programme_officer', 'chair', 'member'],
  },
  'staff.session_attendances.store': {
    params: { id: 'session' },
    allow: ['programme_officer', 'chair'],
  },
  'staff.session_items.update': {
    params: { id: 'session', item_id: 'sessionItem' },
    allow: ['programme_officer', 'chair'],
    body: { consensus_score: 70, recommendation: 'award', rationale: 'Un projet solide et mûr.' },
    foreign: { item_id: 'otherSessionItem' },
  },
  'staff.session_consensus.update': {
    params: { id: 'session' },
    allow: ['programme_officer', 'chair'],
  },
  'staff.session_minutes.store': { params: { id: 'session' }, allow: ['chair'] },
  'staff.session_minutes.show': {
    params: { id: 'session' },
    allow: ['programme_officer', 'chair', 'member'],
  },
  'staff.call_rankings.show': onPastCall(),
  'staff.call_awards.store': onPastCall(),
  'staff.call_decision_publications.store': onPastCall(),
  'staff.application_decisions.store': { params: { id: 'decided' }, allow: OFFICER },
  'staff.call_releases.store': onPastCall(),

  // Training
  'cohort_enrolments.create': { params: { id: 'publicCohort' }, allow: ['trainee'] },
  'cohort_enrolments.store': { params: { id: 'publicCohort' }, allow: ['trainee'] },
  'enrolments.index': SIGNED_IN,
  'enrolments.show': { params: { id: 'enrolment' }, allow: ['owner'] },
  'enrolment_withdrawals.store': { params: { id: 'enrolment' }, allow: ['owner'] },
  'enrolment_certificate': { params: { id: 'enrolment' }, allow: ['owner'] },
  'institute.index': { allow: ['institute_coordinator'] },
  'institute.courses.create': { allow: ['institute_coordinator'] },
  'institute.courses.store': { allow: ['institute_coordinator'] },
  'institute.courses.edit': { params: { id: 'course' }, allow: COORDINATOR },
  'institute.courses.update': { params: { id: 'course' }, allow: COORDINATOR },
  'institute.cohorts.create': { allow: ['institute_coordinator'] },
  'institute.cohorts.store': { allow: ['institute_coordinator'] },
  'institute.cohorts.show': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.cohorts.edit': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.cohorts.update': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.cohort_openings.store': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.cohort_sessions.store': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.merit_selections.store': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.assessments.edit': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.assessments.update': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.cohort_closures.store': { params: { id: 'cohort' }, allow: COORDINATOR },
  'institute.attendances.edit': { params: { id: 'cohortSession' }, allow: COORDINATOR },
  'institute.attendances.update': { params: { id: 'cohortSession' }, allow: COORDINATOR },
  'institute.certificate_revocations.store': {
    params: { id: 'certificate' },
    allow: COORDINATOR,
  },

  // Agreements and money
  'agreements.index': SIGNED_IN,
  // The awarded application's co-applicants read the agreement (not its payment
  // accounts); the rest, progress reports included, is the beneficiary's.
  'agreements.show': {
    params: { id: 'agreement' },
    allow: ['owner', 'member', 'viewer', 'finance_officer'],
  },
  'agreement_bank_accounts.update': { params: { id: 'agreement' }, allow: ['owner'] },
  'agreement_stripe_accounts.update': { params: { id: 'agreement' }, allow: ['owner'] },
  'tranche_requests.store': {
    params: { id: 'agreement', trancheId: 'plannedTranche' },
    allow: ['owner'],
    foreign: { trancheId: 'otherAgreementTranche' },
  },
  'capital_calls.store': { params: { id: 'agreement' }, allow: ['owner'] },
  'finance.index': { allow: FINANCE },
  'finance.awards.index': { allow: FINANCE },
  'finance.agreements.store': { params: { id: 'award' }, allow: FINANCE },
  'finance.tranche_verifications.store': { params: { id: 'verifiedTranche' }, allow: FINANCE },
  'finance.tranche_approvals.store': { params: { id: 'verifiedTranche' }, allow: FINANCE },
  'finance.tranche_cancellations.store': { params: { id: 'verifiedTranche' }, allow: FINANCE },
  'finance.call_ledgers.show': onPastCall(FINANCE),
  'finance.call_ledgers.export': onPastCall(FINANCE),
  'payments.index': { allow: FINANCE },
  'payments.store': { allow: FINANCE },
  'payments.show': { params: { id: 'paymentRun' }, allow: FINANCE },
  'payments.execution.store': { params: { id: 'paymentRun' }, allow: FINANCE },
  'payments.files.show': {
    params: { id: 'paymentRun', format: { value: 'pain001' } },
    allow: FINANCE,
  },
  'payments.statements.store': { params: { id: 'paymentRun' }, allow: FINANCE },

  // Privacy
  'privacy.show': SIGNED_IN,
  'data_requests.store': SIGNED_IN,
  // The signed link mailed to its owner: the signature alone opens nobody else's export.
  'privacy_exports.show': { params: { id: 'dataExport' }, allow: ['owner'], signed: 'data_export' },
  'consents.store': { kind: 'signedIn', params: { purpose: { value: 'programme_news' } } },
  'consents.destroy': { kind: 'signedIn', params: { purpose: { value: 'programme_news' } } },

  // Reporting: dashboards (finance officers see the money panels, only officers and
  // admins the reviewers' CSV, which names people), the scoreboard (public; its regional
  // detail for the ministry, officers and admins; targets set by admins), progress
  // reports (the beneficiary writes them, officers read them) and the continuum of an
  // organization (its members, officers, admins).
  'staff.dashboards.index': { allow: DASHBOARD_READERS },
  // Without `?table=` the allowed get a 422: the refusal comes before the validator.
  'staff.dashboards.export': { allow: DASHBOARD_READERS },
  'staff.dashboards.reviewers.export': { allow: ['programme_officer', 'admin'] },
  'scoreboard.show': PUBLIC,
  'staff.scoreboard.show': { allow: ['ministry', 'programme_officer', 'admin'] },
  'admin.scoreboard_targets.index': { allow: ADMIN },
  'admin.scoreboard_targets.store': {
    allow: ADMIN,
    body: { indicator: 'jobs_created', year: 2031, targetValue: '30 000' },
  },
  'admin.scoreboard_targets.update': {
    params: { id: 'scoreboardTarget' },
    allow: ADMIN,
    body: { targetValue: '25 000' },
  },
  'progress_reports.index': {
    params: { id: 'agreement' },
    allow: ['owner', 'programme_officer', 'finance_officer'],
  },
  'progress_reports.store': { params: { id: 'agreement' }, allow: ['owner'] },
  'continuums.show': {
    params: { id: 'organization' },
    allow: ['owner', 'member', 'programme_officer', 'admin'],
  },
  'staff.late_progress_reports.index': { allow: OFFICER },
}
