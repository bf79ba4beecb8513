import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import Application from '#applications/models/application'
import Decision from '#reviews/models/decision'
import Agreement from '#disbursements/models/agreement'
import Tranche from '#disbursements/models/tranche'
import type User from '#identity/models/user'
import type Call from '#programmes/models/call'
import { CreateAgreement } from '#disbursements/actions/create_agreement'
import type { AgreementKind } from '#disbursements/tranche_schedule'
import type { TrancheState } from '#disbursements/tranche_lifecycle'
import { trancheIdempotencyKey } from '#disbursements/tranches'
import { encryptIban } from '#disbursements/bank_details'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { SYSTEM_ACTOR } from '#core/audit/actor'

/** Default awards: 12 stipends of 15 000 MAD, 300 000 MAD of seed money, a 5 M MAD ticket. */
export const DEFAULT_AWARDS: Record<AgreementKind, number> = {
  living_grant: 18_000_000,
  startup_offer: 30_000_000,
  vc_call: 500_000_000,
}

export interface AwardOptions {
  kind?: AgreementKind
  amountCentimes?: number
  call?: Call
  applicant?: User
  /** living_grant: the `project.planned_start_on` answer (yyyy-MM-dd). */
  plannedStartOn?: string
}

/**
 * An application awarded and accepted by its applicant (what R3's decisions produce):
 * the decision, the award committed to the call's budget with its ledger entry.
 */
export async function acceptedAward(options: AwardOptions = {}) {
  const kind = options.kind ?? 'startup_offer'
  const call = options.call ?? (await openCallOf(kind))
  await call.load('formVersions')
  const applicant =
    options.applicant ?? (await userWithRoles(kind === 'vc_call' ? 'fund_manager' : 'applicant'))
  const amountCentimes = options.amountCentimes ?? DEFAULT_AWARDS[kind]
  const answers = {
    project: { name: 'Projet', planned_start_on: options.plannedStartOn ?? null },
  }
  const application = await Application.create({
    callId: call.id,
    applicantId: applicant.id,
    state: 'awarded',
    answers,
    submittedAnswers: answers,
    title: applicant.fullName,
    reference: `T-AW-${randomUUID().slice(0, 12)}`,
    formVersionId: call.formVersions[0].id,
    submittedAt: DateTime.utc().minus({ days: 30 }),
  })
  const decider = await userWithRoles('programme_officer')
  const decision = await Decision.create({
    callId: call.id,
    applicationId: application.id,
    outcome: 'awarded',
    amountCentimes,
    finalScore: 80,
    rank: 1,
    conditions: [],
    reasons: [],
    response: 'accepted',
    respondedAt: DateTime.utc().minus({ days: 1 }),
    publishedAt: DateTime.utc().minus({ days: 2 }),
    decidedBy: decider.id,
  })
  await db.from('calls').where('id', call.id).increment('committed_centimes', amountCentimes)
  await db.table('ledger_entries').insert({
    call_id: call.id,
    kind: 'commit',
    amount_centimes: amountCentimes,
    decision_id: decision.id,
    actor_id: decider.id,
    created_at: new Date(),
  })
  await call.refresh()
  return { call, applicant, application, decision }
}

export interface AgreementOptions extends AwardOptions {
  /**
   * States of the tranches, in schedule order (the rest stay planned). A vc_call gets
   * one capital call per state, the commitment split between them. Verified and later
   * tranches carry two different finance officers (four-eyes); paid ones are counted in
   * the agreement's and the call's disbursed totals.
   */
  trancheStates?: TrancheState[]
  /** Put bank details on file (IBAN of the IBAN registry's Moroccan example). */
  withBankDetails?: boolean
}

/** An agreement created by the real action from an accepted award, then shaped by `options`. */
export async function agreementFor(options: AgreementOptions = {}) {
  const award = await acceptedAward(options)
  const { agreement } = await new CreateAgreement().handle(award.decision.id, SYSTEM_ACTOR)
  const states = options.trancheStates ?? []

  if (agreement.kind === 'vc_call' && states.length) {
    const share = Math.floor(agreement.totalCentimes / (states.length + 1))
    await Tranche.createMany(
      states.map((_, index) => ({
        agreementId: agreement.id,
        callId: agreement.callId,
        sequence: index + 1,
        amountCentimes: share,
        dueOn: DateTime.utc().minus({ days: 1 }),
        milestone: {},
        state: 'planned',
        idempotencyKey: trancheIdempotencyKey(agreement.id, index + 1),
      }))
    )
  }

  const needsOfficers = states.some(
    (candidate) => !['planned', 'requested', 'cancelled'].includes(candidate)
  )
  const [verifier, approver] = needsOfficers
    ? await Promise.all([userWithRoles('finance_officer'), userWithRoles('finance_officer')])
    : []
  const tranches = await Tranche.query().where('agreement_id', agreement.id).orderBy('sequence')
  let paid = 0
  for (const [index, target] of states.entries()) {
    const tranche = tranches[index]
    if (!tranche) break
    tranche.merge(trancheColumnsFor(target, award.applicant, verifier, approver))
    await tranche.save()
    if (target === 'paid' || target === 'reconciled') paid += tranche.amountCentimes
  }
  if (paid) {
    await Agreement.query().where('id', agreement.id).increment('paid_centimes', paid)
    await db.from('calls').where('id', agreement.callId).increment('disbursed_centimes', paid)
  }
  if (options.withBankDetails) {
    await Agreement.query()
      .where('id', agreement.id)
      .update({
        iban_encrypted: encryptIban(MOROCCAN_IBAN_EXAMPLE),
        iban_last4: MOROCCAN_IBAN_EXAMPLE.slice(-4),
        account_holder: award.applicant.fullName,
      })
  }
  await agreement.refresh()
  await agreement.load('tranches', (query) => query.orderBy('sequence'))
  await award.call.refresh()
  return { ...award, agreement, tranches: agreement.tranches, verifier, approver }
}

/** The IBAN registry's Moroccan example: valid check digits and RIB key. */
export const MOROCCAN_IBAN_EXAMPLE = 'MA64011519000001205000534921'

/** The columns a tranche carries in a state, as the lifecycle would have filled them. */
function trancheColumnsFor(
  target: TrancheState,
  beneficiary: User,
  verifier?: User,
  approver?: User
) {
  const now = DateTime.utc()
  const reached = (state: TrancheState) => {
    const order: TrancheState[] = [
      'requested',
      'verified',
      'approved',
      'submitting',
      'paid',
      'reconciled',
    ]
    const failedPath =
      target === 'failed' ? order.indexOf(state) <= order.indexOf('submitting') : false
    return failedPath || (order.includes(target) && order.indexOf(state) <= order.indexOf(target))
  }
  return {
    state: target,
    requestNote: reached('requested') ? 'Rapport de progression du mois : travaux réalisés.' : null,
    requestedBy: reached('requested') ? beneficiary.id : null,
    requestedAt: reached('requested') ? now.minus({ days: 5 }) : null,
    verifiedBy: reached('verified') ? verifier!.id : null,
    verifiedAt: reached('verified') ? now.minus({ days: 4 }) : null,
    approvedBy: reached('approved') ? approver!.id : null,
    approvedAt: reached('approved') ? now.minus({ days: 3 }) : null,
    paidAt: reached('paid') ? now.minus({ days: 2 }) : null,
    reconciledAt: target === 'reconciled' ? now.minus({ days: 1 }) : null,
    failureReason: target === 'failed' ? 'Compte clôturé' : null,
  }
}
