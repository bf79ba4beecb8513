import db from '@adonisjs/lucid/services/db'
import Agreement from '#disbursements/models/agreement'
import User from '#identity/models/user'
import { ENGAGED_STATES } from '#disbursements/ledger'
import type { TrancheState } from '#disbursements/tranche_lifecycle'
import { nowInCasablanca } from '#core/casablanca_time'

/** Badge tone of each tranche state (resources/views/components/badge.edge). */
export const TRANCHE_TONES: Record<TrancheState, string> = {
  planned: 'neutral',
  requested: 'blue',
  verified: 'blue',
  approved: 'amber',
  submitting: 'amber',
  paid: 'green',
  reconciled: 'green',
  failed: 'red',
  cancelled: 'neutral',
}

/** States a tranche may be overdue in: due and still not paid. */
const UNPAID_STATES = ['planned', 'requested', 'verified', 'approved', 'submitting']

/** The beneficiary's agreements, newest first, with their call, programme and tranches. */
export function agreementsOf(user: User) {
  return Agreement.query()
    .where('beneficiary_id', user.id)
    .preload('decision', (decision) =>
      decision.preload('call', (call) => call.preload('programme'))
    )
    .preload('tranches', (tranches) => tranches.orderBy('sequence'))
    .orderBy('id', 'desc')
}

/**
 * Everything an agreement's page shows: the call and programme, the beneficiary, the
 * tranches in order and the names of the officers who signed them (one query for all).
 */
export async function agreementPage(agreement: Agreement) {
  await agreement.load((loader) =>
    loader
      .load('decision', (decision) => decision.preload('call', (call) => call.preload('programme')))
      .load('beneficiary')
      .load('tranches', (tranches) => tranches.orderBy('sequence'))
  )
  const officerIds = [
    ...new Set(agreement.tranches.flatMap((tranche) => [tranche.verifiedBy, tranche.approvedBy])),
  ].filter((id): id is number => id !== null)
  const officers = officerIds.length
    ? await User.query().whereIn('id', officerIds).select('id', 'full_name')
    : []
  const engaged = agreement.tranches
    .filter((tranche) => (ENGAGED_STATES as readonly string[]).includes(tranche.state))
    .reduce((sum, tranche) => sum + tranche.amountCentimes, 0)
  const scheduled = agreement.tranches
    .filter((tranche) => tranche.state !== 'cancelled')
    .reduce((sum, tranche) => sum + tranche.amountCentimes, 0)
  return {
    call: agreement.decision.call,
    officerNames: Object.fromEntries(officers.map((officer) => [officer.id, officer.fullName])),
    engagedCentimes: engaged,
    remainingCommitmentCentimes: agreement.totalCentimes - scheduled,
    today: nowInCasablanca().toISODate()!,
  }
}

export interface QueueTranche {
  id: number
  agreementId: number
  sequence: number
  state: TrancheState
  amountCentimes: number
  dueOn: string | null
  requestNote: string | null
  requestedBy: number | null
  verifiedBy: number | null
  verifierName: string | null
  failureReason: string | null
  beneficiaryName: string
  callTitle: Record<string, string>
  kind: string
}

/**
 * The finance officer's work: tranches to verify, to approve, overdue (due, not paid)
 * and failed, in one query however many there are (each list capped at `limit`).
 */
export async function financeQueues(limit = 100) {
  const today = nowInCasablanca().toISODate()!
  const rows = await db
    .from('tranches')
    .join('agreements', 'agreements.id', 'tranches.agreement_id')
    .join('users as beneficiaries', 'beneficiaries.id', 'agreements.beneficiary_id')
    .join('calls', 'calls.id', 'tranches.call_id')
    .leftJoin('users as verifiers', 'verifiers.id', 'tranches.verified_by')
    .where((query) =>
      query
        .whereIn('tranches.state', ['requested', 'verified', 'failed'])
        .orWhere((overdue) =>
          overdue.whereIn('tranches.state', UNPAID_STATES).where('tranches.due_on', '<', today)
        )
    )
    .orderBy([
      { column: 'tranches.due_on', order: 'asc', nulls: 'last' },
      { column: 'tranches.id', order: 'asc' },
    ])
    .limit(limit * 4)
    .select(
      'tranches.id',
      'tranches.agreement_id',
      'tranches.sequence',
      'tranches.state',
      'tranches.amount_centimes',
      db.raw(`to_char(tranches.due_on, 'YYYY-MM-DD') as due_on`),
      'tranches.request_note',
      'tranches.requested_by',
      'tranches.verified_by',
      'tranches.failure_reason',
      'verifiers.full_name as verifier_name',
      'beneficiaries.full_name as beneficiary_name',
      'calls.title as call_title',
      'agreements.kind'
    )
  const tranches: QueueTranche[] = rows.map((row) => ({
    id: row.id,
    agreementId: row.agreement_id,
    sequence: row.sequence,
    state: row.state,
    amountCentimes: Number(row.amount_centimes),
    dueOn: row.due_on,
    requestNote: row.request_note,
    requestedBy: row.requested_by,
    verifiedBy: row.verified_by,
    verifierName: row.verifier_name,
    failureReason: row.failure_reason,
    beneficiaryName: row.beneficiary_name,
    callTitle: row.call_title,
    kind: row.kind,
  }))
  const pick = (predicate: (tranche: QueueTranche) => boolean) =>
    tranches.filter(predicate).slice(0, limit)
  return {
    toVerify: pick((tranche) => tranche.state === 'requested'),
    toApprove: pick((tranche) => tranche.state === 'verified'),
    overdue: pick(
      (tranche) =>
        UNPAID_STATES.includes(tranche.state) && tranche.dueOn !== null && tranche.dueOn < today
    ),
    failed: pick((tranche) => tranche.state === 'failed'),
  }
}

/** Calls with money committed, for the finance overview, newest first. */
export function callsWithBudget(limit = 50) {
  return db
    .from('calls')
    .join('programmes', 'programmes.id', 'calls.programme_id')
    .where('calls.committed_centimes', '>', 0)
    .orderBy('calls.id', 'desc')
    .limit(limit)
    .select(
      'calls.id',
      'calls.title',
      'calls.envelope_centimes',
      'calls.committed_centimes',
      'calls.disbursed_centimes',
      'programmes.kind'
    )
}

/** Accepted awards still waiting for their agreement, oldest answer first. */
export function awardsWithoutAgreement(limit = 200) {
  return db
    .from('decisions')
    .join('applications', 'applications.id', 'decisions.application_id')
    .join('users', 'users.id', 'applications.applicant_id')
    .join('calls', 'calls.id', 'decisions.call_id')
    .join('programmes', 'programmes.id', 'calls.programme_id')
    .where('decisions.outcome', 'awarded')
    .where('decisions.response', 'accepted')
    .whereNotExists((query) =>
      query.from('agreements').whereRaw('agreements.decision_id = decisions.id')
    )
    .orderBy('decisions.responded_at', 'asc')
    .limit(limit)
    .select(
      'decisions.id',
      'decisions.amount_centimes',
      'decisions.responded_at',
      'applications.reference',
      'users.full_name',
      'calls.title as call_title',
      'programmes.kind'
    )
}

/** The agreement of an application, for its co-applicants' link (null before one exists). */
export async function agreementIdOf(applicationId: number) {
  const agreement = await Agreement.query()
    .where('applicationId', applicationId)
    .select('id')
    .first()
  return agreement?.id ?? null
}
