import db from '@adonisjs/lucid/services/db'

/**
 * Everything the portal holds about one person, as plain JSON (law 09-08 right of
 * access): profile, consents, organizations, applications with their answers, states,
 * co-applicant invitations (issue 14),
 * evaluations and decisions, agreements and tranches (bank account masked to its last
 * four characters), enrolments, certificates, data requests, and the audit entries where
 * the person is the actor or the subject. Nothing about anyone else: reviewers' scores
 * and staff identities stay out.
 */
export async function personalDataOf(userId: number) {
  const profile = await db
    .from('users')
    .where('id', userId)
    .select(
      'id',
      'full_name',
      'email',
      'preferred_locale',
      'gender',
      'birth_year',
      'roles',
      'email_verified_at',
      'created_at'
    )
    .firstOrFail()
  const consents = await db
    .from('user_consents')
    .where('user_id', userId)
    .select('purpose', 'granted_at', 'withdrawn_at')
  const organizations = await db
    .from('organizations')
    .join('organization_members', 'organization_members.organization_id', 'organizations.id')
    .where('organization_members.user_id', userId)
    .select('organizations.*', 'organization_members.role as member_role')
  const applications = await db
    .from('applications')
    .where('applicant_id', userId)
    .select(
      'id',
      'call_id',
      'organization_id',
      'reference',
      'title',
      'state',
      'answers',
      'submitted_answers',
      'submitted_at',
      'appeal_statement',
      'appealed_at',
      'applicant_gender',
      'applicant_birth_year',
      'applicant_locale',
      'created_at'
    )
  const applicationIds = applications.map((application) => application.id)
  const documents = await db
    .from('application_documents')
    .whereIn('application_id', applicationIds)
    .select(
      'id',
      'application_id',
      'field_path',
      'original_name',
      'mime_type',
      'size_bytes',
      'storage_key',
      'created_at'
    )
  const evaluations = await db
    .from('application_evaluations')
    .whereIn('application_id', applicationIds)
    .select('application_id', 'eligible', 'score', 'result', 'created_at')
  const decisions = await db
    .from('decisions')
    .whereIn('application_id', applicationIds)
    .select(
      'application_id',
      'outcome',
      'amount_centimes',
      'conditions',
      'reasons',
      'response',
      'responded_at',
      'created_at'
    )
  const agreements = await db
    .from('agreements')
    .where('beneficiary_id', userId)
    .select(
      'id',
      'application_id',
      'kind',
      'state',
      'total_centimes',
      'paid_centimes',
      'account_holder',
      'iban_last4',
      'bic',
      'created_at'
    )
  const tranches = await db
    .from('tranches')
    .whereIn(
      'agreement_id',
      agreements.map((agreement) => agreement.id)
    )
    .select(
      'agreement_id',
      'sequence',
      'amount_centimes',
      'state',
      'due_on',
      'milestone',
      'request_note',
      'paid_at'
    )
    .orderBy(['agreement_id', 'sequence'])
  const enrolments = await db
    .from('enrolments')
    .where('trainee_id', userId)
    .select(
      'id',
      'cohort_id',
      'state',
      'answers',
      'birth_date',
      'gender',
      'region',
      'score',
      'assessment_score',
      'assessment_passed',
      'completed_at',
      'withdrawn_at',
      'created_at'
    )
  const certificates = await db
    .from('certificates')
    .whereIn(
      'enrolment_id',
      enrolments.map((enrolment) => enrolment.id)
    )
    .select('enrolment_id', 'code', 'trainee_name', 'issued_at', 'revoked_at', 'revocation_reason')
  // Co-applicant invitations naming the person (issue 14): theirs, not the application.
  const coApplications = await db
    .from('application_members')
    .where('user_id', userId)
    .orWhereRaw('lower(email) = lower(?)', [profile.email])
    .select('application_id', 'role', 'can_submit', 'invited_at', 'accepted_at', 'revoked_at')
    .orderBy('id')
  const dataRequests = await db
    .from('data_requests')
    .where('user_id', userId)
    .select('id', 'kind', 'state', 'due_on', 'created_at', 'completed_at')
  const subjects: [string, (string | number)[]][] = [
    ['user', [userId]],
    ['application', applicationIds],
    ['agreement', agreements.map((agreement) => agreement.id)],
    ['enrolment', enrolments.map((enrolment) => enrolment.id)],
  ]
  const audit = await db
    .from('audit_logs')
    .where((query) => {
      query.where('actor_id', userId)
      for (const [type, ids] of subjects) {
        if (ids.length)
          query.orWhere((subject) =>
            subject.where('subject_type', type).whereIn('subject_id', ids.map(String))
          )
      }
    })
    .select(
      'action',
      'subject_type',
      'subject_id',
      'from_state',
      'to_state',
      'reason',
      'created_at'
    )
    .orderBy('id')

  return {
    data: {
      profile,
      consents,
      organizations,
      applications: applications.map((application) => ({
        ...application,
        documents: documents
          .filter((document) => document.application_id === application.id)
          .map(({ storage_key: _key, ...document }) => document),
        evaluations: evaluations.filter(
          (evaluation) => evaluation.application_id === application.id
        ),
        decisions: decisions.filter((decision) => decision.application_id === application.id),
      })),
      agreements: agreements.map((agreement) => ({
        ...agreement,
        iban: agreement.iban_last4 ? `•••• ${agreement.iban_last4}` : null,
        iban_last4: undefined,
        tranches: tranches.filter((tranche) => tranche.agreement_id === agreement.id),
      })),
      co_applications: coApplications,
      enrolments,
      certificates,
      data_requests: dataRequests,
      audit,
    },
    files: documents.map((document) => ({
      storageKey: document.storage_key as string,
      name: `files/${document.application_id}/${document.id}-${safeFileName(document.original_name)}`,
    })),
  }
}

function safeFileName(name: string) {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 120)
}
