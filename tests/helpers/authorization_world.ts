import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import MainSeeder from '#database/seeders/main_seeder'
import User from '#identity/models/user'
import Call from '#programmes/models/call'
import Application from '#applications/models/application'
import { ROLES } from '#identity/roles'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { InstituteFactory } from '#database/factories/training_factory'
import { draftOf } from '#database/factories/application_factory'
import { reviewAssignment } from '#database/factories/review_factory'
import { PlanSession } from '#reviews/actions/plan_session'
import { sealAuditLog } from '#core/audit/audit_chain_store'
import { digest } from '#identity/one_time_tokens'
import { IssueRelease } from '#reporting/register/actions/issue_release'

/**
 * The fixture world of the authorization matrix (tests/functional/core/route_access.ts).
 *
 * The demo seed gives a world with every kind of record; on top of it, one outsider per
 * role (`applicant`, `reviewer`, `institute_coordinator`…): a fresh verified account with
 * that role that owns nothing, sits on no committee, and coordinates another institute.
 * Records are picked (or made) so that their owner is never an outsider; each record
 * names the people related to it (`owner`, `assignedReviewer`, `chair`, `member`,
 * `coordinator`), who are actors of the routes whose ids point to it.
 */
export const OUTSIDER_ROLES = ROLES

/** The address of the draft's applicant, for a body that names them. */
export const DRAFTER_EMAIL = 'authz-drafter@manassa.test'
/** The link of the world's pending co-applicant invitation (token-shaped, 43 chars). */
const MEMBER_INVITATION_TOKEN = 'authorization-matrix-member-invitation-link'

/**
 * People related to a record, who may use its routes or must be refused them:
 * - `owner`: whose record it is (applicant, beneficiary, trainee, requester, the owner of
 *   an organization);
 * - `member`: a member of the record's group who does not lead it (of an organization,
 *   of the committee of a session's call; a co-applicant `editor` of an application);
 * - `viewer`: a co-applicant invited onto the application to read it only;
 * - `invitee`: the person an invitation is addressed to (an account with its address);
 * - `chair`: the chair of the committee of the record's call;
 * - `assignedReviewer`: the reviewer assigned to the review, or who reviewed the
 *   application;
 * - `coordinator`: a coordinator of the record's institute.
 */
export const RELATIVES = [
  'owner',
  'assignedReviewer',
  'chair',
  'member',
  'viewer',
  'invitee',
  'coordinator',
] as const

export type Relative = (typeof RELATIVES)[number]
export type Actor = 'anonymous' | (typeof OUTSIDER_ROLES)[number] | Relative

export interface WorldRecord {
  /** What its routes' param holds: the id, or the token of a record reached by its link. */
  id: number | string
  relatives: Partial<Record<Relative, User>>
}

/** The records the route table's params point to. */
export type RecordKey =
  | 'programme'
  | 'openCall'
  | 'pastCall'
  | 'organization'
  | 'draft'
  | 'decided'
  | 'ineligible'
  | 'document'
  | 'review'
  | 'reviewDocument'
  | 'pastCallMember'
  | 'otherSessionItem'
  | 'otherAgreementTranche'
  | 'committeeMember'
  | 'session'
  | 'sessionItem'
  | 'agreement'
  | 'plannedTranche'
  | 'verifiedTranche'
  | 'award'
  | 'paymentRun'
  | 'course'
  | 'cohort'
  | 'publicCohort'
  | 'cohortSession'
  | 'enrolment'
  | 'certificate'
  | 'auditLog'
  | 'auditHead'
  | 'user'
  | 'erasureRequest'
  | 'dataExport'
  | 'passkey'
  | 'draftMember'
  | 'otherApplicationMember'
  | 'memberInvitation'
  | 'release'
  | 'scoreboardTarget'

export interface World {
  outsiders: Map<(typeof OUTSIDER_ROLES)[number], User>
  records: Map<RecordKey, WorldRecord>
}

async function one(sql: string, bindings: unknown[] = []) {
  const { rows } = await db.rawQuery(sql, bindings as any[])
  if (!rows[0]) throw new Error(`authorization world: nothing found for ${sql}`)
  return rows[0] as Record<string, any>
}

/** Inserts one row (for tables without a factory) and gives its id. */
async function insert(table: string, row: Record<string, unknown>) {
  const [inserted] = await db.table(table).insert(row).returning('id')
  return Number(inserted.id)
}

async function users(ids: Partial<Record<Relative, number>>) {
  const relatives: Partial<Record<Relative, User>> = {}
  for (const [relative, id] of Object.entries(ids)) {
    relatives[relative as Relative] = await User.findOrFail(id)
  }
  return relatives
}

export async function buildAuthorizationWorld(): Promise<World> {
  await new MainSeeder(db.connection()).run()

  const outsiders: World['outsiders'] = new Map()
  const otherInstitute = await InstituteFactory.create()
  for (const role of OUTSIDER_ROLES) {
    const user = await UserFactory.merge({
      roles: [role],
      instituteId: role === 'institute_coordinator' ? otherInstitute.id : null,
    }).create()
    outsiders.set(role, user)
  }

  const records: World['records'] = new Map()
  const put = async (
    key: RecordKey,
    id: number | string,
    relatives: Partial<Record<Relative, number>>
  ) =>
    records.set(key, {
      id: typeof id === 'string' && !/^\d+$/.test(id) ? id : Number(id),
      relatives: await users(relatives),
    })

  const officer = await userWithRoles('programme_officer')
  const finance = await userWithRoles('finance_officer')

  const openCall = await one(
    `SELECT c.id, c.programme_id FROM calls c JOIN programmes p ON p.id = c.programme_id
      WHERE p.code = 'SM-EARLY'`
  )
  await put('programme', openCall.programme_id, {})
  await put('openCall', openCall.id, {})

  const organization = await one(
    `SELECT organization_id AS id, user_id FROM organization_members WHERE role = 'owner'
      ORDER BY id LIMIT 1`
  )
  // A member besides the owner: sees the organization, does not manage its members.
  const colleague = await userWithRoles('applicant')
  await db.table('organization_members').insert({
    organization_id: organization.id,
    user_id: colleague.id,
    role: 'member',
    created_at: new Date(),
  })
  await put('organization', organization.id, {
    owner: organization.user_id,
    member: colleague.id,
  })

  // A draft of its own on the open call, by an applicant who is no outsider (a fixed
  // address: the officer's deadline extension names it in route_access.ts).
  const drafter = await UserFactory.merge({ email: DRAFTER_EMAIL }).create()
  const draft = await draftOf(drafter, await Call.findOrFail(openCall.id), {})
  // Its co-applicants, who accepted: an editor allowed to submit, and a viewer.
  const coApplicant = async (
    applicationId: number,
    person: User,
    role: 'editor' | 'viewer',
    invitedBy: number
  ) =>
    insert('application_members', {
      application_id: applicationId,
      user_id: person.id,
      email: person.email,
      role,
      can_submit: role === 'editor',
      invited_by: invitedBy,
      invited_at: new Date(),
      accepted_at: new Date(),
      updated_at: new Date(),
    })
  const editor = await userWithRoles('applicant')
  const viewer = await userWithRoles('applicant')
  const editorMembership = await coApplicant(draft.id, editor, 'editor', drafter.id)
  await coApplicant(draft.id, viewer, 'viewer', drafter.id)
  const ofDraft = { owner: drafter.id, member: editor.id, viewer: viewer.id }
  await put('draft', draft.id, ofDraft)
  await put('draftMember', editorMembership, ofDraft)
  // A pending invitation onto the draft, its link known; the invitee has an account.
  const invitee = await userWithRoles('applicant')
  await insert('application_members', {
    application_id: draft.id,
    email: invitee.email,
    role: 'editor',
    can_submit: false,
    invited_by: drafter.id,
    invited_at: new Date(),
    token_hash: digest(MEMBER_INVITATION_TOKEN),
    token_expires_at: DateTime.utc().plus({ days: 7 }).toJSDate(),
    updated_at: new Date(),
  })
  // The inviter cannot take up the invitation in the invitee's place.
  await put('memberInvitation', MEMBER_INVITATION_TOKEN, {
    invitee: invitee.id,
    owner: drafter.id,
  })

  const decided = await one(
    `SELECT a.id, a.applicant_id, a.call_id FROM applications a
       JOIN decisions d ON d.application_id = a.id
      WHERE d.published_at IS NOT NULL AND d.outcome = 'awarded' ORDER BY a.id LIMIT 1`
  )
  // One of its reviewers: they scored it, it is still not theirs to open as the applicant.
  const itsReviewer = await one(
    `SELECT reviewer_id FROM reviews WHERE application_id = ? LIMIT 1`,
    [decided.id]
  )
  // A co-applicant who reads it: not the decision, the letter nor the answer to the award.
  const decidedViewer = await userWithRoles('applicant')
  const decidedMembership = await coApplicant(
    decided.id,
    decidedViewer,
    'viewer',
    decided.applicant_id
  )
  await put('otherApplicationMember', decidedMembership, {})
  await put('decided', decided.id, {
    owner: decided.applicant_id,
    assignedReviewer: itsReviewer.reviewer_id,
    viewer: decidedViewer.id,
  })
  await put('pastCall', decided.call_id, {})
  // The past call's register, published.
  const issued = await new IssueRelease().handle(decided.call_id, 'publication', { id: null })
  if (!('release' in issued)) throw new Error('authorization world: the past call has no grant')
  await put('release', issued.release.id, {})

  const ineligible = await one(
    `SELECT id, applicant_id FROM applications WHERE state = 'ineligible' ORDER BY id LIMIT 1`
  )
  await put('ineligible', ineligible.id, { owner: ineligible.applicant_id })

  // A review still open to its reviewer (the seeded ones are all submitted).
  const reviewer = await userWithRoles('reviewer')
  const reviewed = await one(
    `SELECT a.id FROM applications a
      WHERE EXISTS (SELECT 1 FROM application_documents d WHERE d.application_id = a.id)
        AND a.call_id = ? ORDER BY a.id LIMIT 1`,
    [decided.call_id]
  )
  // A document of another application than the reviewed one.
  const document = await one(
    `SELECT d.id, a.applicant_id FROM application_documents d
       JOIN applications a ON a.id = d.application_id
      WHERE a.id <> ? ORDER BY d.id LIMIT 1`,
    [reviewed.id]
  )
  await put('document', document.id, { owner: document.applicant_id })
  const application = await Application.findOrFail(reviewed.id)
  const review = await reviewAssignment(application, reviewer)
  // The chair of the call's committee does not open a review of someone else.
  const reviewChair = await one(
    `SELECT user_id FROM committee_members WHERE call_id = ? AND role = 'chair' LIMIT 1`,
    [decided.call_id]
  )
  await put('review', review.id, { assignedReviewer: reviewer.id, chair: reviewChair.user_id })
  const reviewDocument = await one(
    `SELECT id FROM application_documents WHERE application_id = ? ORDER BY id LIMIT 1`,
    [application.id]
  )
  await put('reviewDocument', reviewDocument.id, { assignedReviewer: reviewer.id })

  const committeeMember = await one(
    `SELECT id FROM committee_members WHERE call_id = ? AND role = 'member' ORDER BY id LIMIT 1`,
    [openCall.id]
  )
  await put('committeeMember', committeeMember.id, {})
  const pastCallMember = await one(
    `SELECT id FROM committee_members WHERE call_id = ? AND role = 'member' ORDER BY id LIMIT 1`,
    [decided.call_id]
  )
  await put('pastCallMember', pastCallMember.id, {})

  // A session of the past call's committee, its agenda drawn from the seeded scores.
  const planSession = (callId: number) =>
    new PlanSession().handle(
      callId,
      { held_at: DateTime.utc().plus({ days: 3 }), quorum: 2, include_others: true },
      { id: officer.id }
    )
  const session = await planSession(decided.call_id)
  const chair = await one(
    `SELECT user_id FROM committee_members WHERE call_id = ? AND role = 'chair' LIMIT 1`,
    [decided.call_id]
  )
  const member = await one(
    `SELECT user_id FROM committee_members WHERE call_id = ? AND role = 'member' LIMIT 1`,
    [decided.call_id]
  )
  const sessionPeople = { chair: chair.user_id, member: member.user_id }
  // Both present: the quorum of 2 is reached, so the agenda can be worked on.
  await db.table('session_attendances').multiInsert([
    { session_id: session.id, user_id: chair.user_id, present: true },
    { session_id: session.id, user_id: member.user_id, present: true },
  ])
  await put('session', session.id, sessionPeople)
  // The past call's applications are decided, so its agenda is empty: one item by hand.
  const item = await insert('session_items', {
    session_id: session.id,
    application_id: decided.id,
    position: 1,
    reason: 'other',
  })
  await put('sessionItem', item, sessionPeople)
  // An item of another session (of the open call), for the foreign id check.
  const otherSession = await planSession(openCall.id)
  const otherItem = await insert('session_items', {
    session_id: otherSession.id,
    application_id: draft.id,
    position: 1,
    reason: 'other',
  })
  await put('otherSessionItem', otherItem, {})

  // The agreement whose first tranche was asked for and verified by the demo.
  // A startup offer or a bourse de vie: it also reports its progress.
  const verified = await one(
    `SELECT t.id, t.agreement_id, a.beneficiary_id, a.application_id FROM tranches t
       JOIN agreements a ON a.id = t.agreement_id WHERE t.state = 'verified' LIMIT 1`
  )
  // The awarded application's co-applicants (an editor, a viewer): the agreement, its
  // money and its progress reports stay the beneficiary's.
  const agreementEditor = await userWithRoles('applicant')
  const agreementViewer = await userWithRoles('applicant')
  for (const [person, role] of [
    [agreementEditor, 'editor'],
    [agreementViewer, 'viewer'],
  ] as const) {
    await coApplicant(verified.application_id, person, role, verified.beneficiary_id)
  }
  await put('agreement', verified.agreement_id, {
    owner: verified.beneficiary_id,
    member: agreementEditor.id,
    viewer: agreementViewer.id,
  })
  await put('verifiedTranche', verified.id, { owner: verified.beneficiary_id })
  const planned = await one(
    `SELECT id FROM tranches WHERE agreement_id = ? AND state = 'planned' ORDER BY sequence LIMIT 1`,
    [verified.agreement_id]
  )
  await put('plannedTranche', planned.id, { owner: verified.beneficiary_id })
  const otherTranche = await one(
    `SELECT id FROM tranches WHERE agreement_id <> ? AND state = 'planned' ORDER BY id LIMIT 1`,
    [verified.agreement_id]
  )
  await put('otherAgreementTranche', otherTranche.id, {})

  const award = await one(
    `SELECT d.id, a.applicant_id FROM decisions d JOIN applications a ON a.id = d.application_id
      WHERE d.response = 'accepted'
        AND NOT EXISTS (SELECT 1 FROM agreements g WHERE g.decision_id = d.id) LIMIT 1`
  )
  await put('award', award.id, { owner: award.applicant_id })

  const paymentRun = await insert('payment_batches', {
    rail: 'bank',
    state: 'prepared',
    reference: `AUTHZ-${randomUUID().slice(0, 8)}`,
    tranche_count: 0,
    total_centimes: 0,
    prepared_by: finance.id,
    created_at: new Date(),
    updated_at: new Date(),
  })
  await put('paymentRun', paymentRun, {})

  // Training: the demo institute's records, its coordinator being their relative.
  const coordinator = await one(
    `SELECT id, institute_id FROM users WHERE email = 'coordinator@manassa.test'`
  )
  const ofInstitute = { coordinator: coordinator.id }
  const course = await one(`SELECT id FROM courses WHERE institute_id = ? LIMIT 1`, [
    coordinator.institute_id,
  ])
  await put('course', course.id, ofInstitute)
  const cohort = await one(
    `SELECT id FROM cohorts WHERE institute_id = ? AND state = 'closed' LIMIT 1`,
    [coordinator.institute_id]
  )
  await put('cohort', cohort.id, ofInstitute)
  const publicCohort = await one(`SELECT id FROM cohorts WHERE state = 'open' LIMIT 1`)
  await put('publicCohort', publicCohort.id, {})
  const cohortSession = await one(`SELECT id FROM cohort_sessions WHERE cohort_id = ? LIMIT 1`, [
    cohort.id,
  ])
  await put('cohortSession', cohortSession.id, ofInstitute)
  const enrolment = await one(
    `SELECT e.id, e.trainee_id FROM enrolments e JOIN certificates c ON c.enrolment_id = e.id
      WHERE e.cohort_id = ? LIMIT 1`,
    [cohort.id]
  )
  // The institute's coordinator sees enrolments on the institute's pages, not the trainee's.
  await put('enrolment', enrolment.id, { ...ofInstitute, owner: enrolment.trainee_id })
  const certificate = await one(`SELECT id FROM certificates WHERE enrolment_id = ?`, [
    enrolment.id,
  ])
  await put('certificate', certificate.id, { ...ofInstitute, owner: enrolment.trainee_id })

  const auditLog = await one(`SELECT max(id) AS id FROM audit_logs`)
  await put('auditLog', auditLog.id, {})
  await sealAuditLog()
  const head = await one(`SELECT coalesce(max(chain_position), 1) AS position FROM audit_logs`)
  await put('auditHead', head.position, {})
  await put('user', drafter.id, {})

  const requester = await userWithRoles('applicant')
  const erasure = await insert('data_requests', {
    user_id: requester.id,
    kind: 'erasure',
    state: 'pending',
    due_on: DateTime.utc().plus({ days: 30 }).toISODate(),
    created_at: new Date(),
    updated_at: new Date(),
  })
  await put('erasureRequest', erasure, { owner: requester.id })
  // One fixed key: the runs do not pile files up in the test disk.
  const exportKey = 'privacy/authorization-matrix.zip'
  await drive.use().put(exportKey, 'PK')
  const dataExport = await insert('data_requests', {
    user_id: requester.id,
    kind: 'export',
    state: 'ready',
    storage_key: exportKey,
    expires_at: DateTime.utc().plus({ days: 7 }).toJSDate(),
    due_on: DateTime.utc().plus({ days: 30 }).toISODate(),
    created_at: new Date(),
    updated_at: new Date(),
  })
  await put('dataExport', dataExport, { owner: requester.id })

  const passkey = await insert('passkeys', {
    user_id: requester.id,
    credential_id: `authz-${randomUUID()}`,
    public_key: 'AAAA',
    name: 'Clé de test',
    created_at: new Date(),
  })
  await put('passkey', passkey, { owner: requester.id })

  // A scoreboard target of its own (a whole count): the admins' to change.
  const scoreboardTarget = await insert('scoreboard_targets', {
    indicator: 'jobs_created',
    year: 2029,
    region: null,
    target_value: 20_000,
    unit: 'count',
    is_demo: true,
    created_at: new Date(),
    updated_at: new Date(),
  })
  await put('scoreboardTarget', scoreboardTarget, {})

  return { outsiders, records }
}
