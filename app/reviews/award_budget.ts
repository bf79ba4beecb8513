import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import Application from '#applications/models/application'
import { applicationLifecycle } from '#applications/application_lifecycle'
import Call from '#programmes/models/call'
import FormVersion from '#programmes/models/form_version'
import Programme from '#programmes/models/programme'
import LedgerEntry from '#disbursements/models/ledger_entry'
import Decision from '#reviews/models/decision'
import DecisionMail from '#reviews/mails/decision_mail'
import User from '#identity/models/user'
import { awardAmountOf } from '#reviews/award_amounts'
import { selectWithinEnvelope } from '#reviews/ranking'
import type { Actor } from '#core/audit/actor'

/** Conditions every award carries (i18n keys, shown in the applicant's language). */
export const STANDARD_CONDITIONS = [
  'decisions.conditions.agreement',
  'decisions.conditions.reports',
]
export const BELOW_THRESHOLD_REASON = 'decisions.reasons.below_threshold'

/**
 * The call's row, locked for the rest of the transaction: every change to its budget
 * (award runs, manual decisions, declines) goes through this lock, one at a time.
 */
export async function lockCall(callId: number, client: TransactionClientContract) {
  const call = await Call.query({ client }).where('id', callId).forUpdate().firstOrFail()
  const programme = await Programme.query({ client }).where('id', call.programmeId).firstOrFail()
  return { call, programme }
}

export function availableCentimes(call: Call) {
  return call.envelopeCentimes - call.committedCentimes
}

/** Applications locked in id order (the same order everywhere: no deadlock between runs). */
export async function lockApplications(ids: number[], client: TransactionClientContract) {
  if (ids.length === 0) return new Map<number, Application>()
  const rows = await Application.query({ client }).whereIn('id', ids).orderBy('id').forUpdate()
  return new Map(rows.map((row) => [row.id, row]))
}

/** One application, locked. */
export async function lockApplication(id: number, client: TransactionClientContract) {
  return Application.query({ client }).where('id', id).forUpdate().firstOrFail()
}

/** Moves the committed total of the locked call and writes the ledger entry beside it. */
export async function moveCommitted(
  call: Call,
  kind: 'commit' | 'release',
  amountCentimes: number,
  decisionId: number,
  actor: Actor,
  client: TransactionClientContract
) {
  call.committedCentimes += kind === 'commit' ? amountCentimes : -amountCentimes
  await call.useTransaction(client).save()
  await LedgerEntry.create(
    { callId: call.id, kind, amountCentimes, decisionId, actorId: actor.id },
    { client }
  )
}

/** in_review goes through shortlisted to an award or the reserve; the others move directly. */
export async function moveApplicationTo(
  application: Application,
  to: 'awarded' | 'waitlisted' | 'rejected',
  actor: Actor,
  client: TransactionClientContract,
  reason?: string
) {
  if (application.state === 'in_review' && to !== 'rejected') {
    await applicationLifecycle.apply(application, 'shortlisted', { actor, client })
  }
  await applicationLifecycle.apply(application, to, { actor, client, reason })
}

/**
 * Awards `decision` (new, previewed or waitlisted), final: the decision itself, published,
 * the application's move and the amount committed on the call's budget, under the call's
 * lock. Every award goes here: the publication of an award run, a manual award, a
 * promotion from the reserve list. The budget is committed here and nowhere else, so an
 * unpublished preview never holds any of the envelope.
 */
export async function grantAward(
  call: Call,
  decision: Decision,
  application: Application,
  award: { amountCentimes: number; conditions: string[] },
  actor: Actor,
  client: TransactionClientContract
) {
  decision.merge({
    outcome: 'awarded',
    amountCentimes: award.amountCentimes,
    reservePosition: null,
    conditions: award.conditions,
    reasons: [],
    publishedAt: DateTime.utc(),
  })
  await decision.useTransaction(client).save()
  await moveApplicationTo(application, 'awarded', actor, client)
  await moveCommitted(call, 'commit', award.amountCentimes, decision.id, actor, client)
  return decision
}

/** The next free place at the end of the call's reserve list (previews included). */
export async function nextReservePosition(callId: number, client: TransactionClientContract) {
  const row = await client
    .from('decisions')
    .where('call_id', callId)
    .max('reserve_position as last')
    .first()
  return Number(row?.last ?? 0) + 1
}

/**
 * Promotes reserve candidates, in reserve order, whose award fits what the locked call
 * has left (greedy: one that does not fit waits, the next ones are still considered).
 */
export async function promoteFromReserve(
  call: Call,
  programme: Programme,
  actor: Actor,
  client: TransactionClientContract
) {
  const waiting = await Decision.query({ client })
    .where('call_id', call.id)
    .where('outcome', 'waitlisted')
    .whereNotNull('published_at')
    .orderBy('reserve_position')
    .forUpdate()
  if (waiting.length === 0) return []
  const applications = await lockApplications(
    waiting.map((decision) => decision.applicationId),
    client
  )
  const forms = await FormVersion.query({ client }).whereIn(
    'id',
    [...applications.values()].map((application) => application.formVersionId!)
  )
  const definitionOf = new Map(forms.map((form) => [form.id, form.definition]))
  const candidates = waiting.map((decision) => {
    const application = applications.get(decision.applicationId)!
    return {
      decision,
      amountCentimes: awardAmountOf(
        programme,
        definitionOf.get(application.formVersionId!)!,
        application.submittedAnswers
      ).centimes,
    }
  })
  const { awarded } = selectWithinEnvelope(candidates, availableCentimes(call))
  // The promotion is the system's doing, prompted by someone else's decline.
  const system: Actor = { id: null, requestId: actor.requestId, ip: actor.ip }
  const promoted: Decision[] = []
  for (const { decision, amountCentimes } of awarded) {
    await grantAward(
      call,
      decision,
      applications.get(decision.applicationId)!,
      { amountCentimes, conditions: STANDARD_CONDITIONS },
      system,
      client
    )
    promoted.push(decision)
  }
  return promoted
}

/** Tells each applicant of their decision, once the transaction that made it committed. */
export async function notifyDecisions(decisions: Decision[]) {
  if (decisions.length === 0) return
  const applications = await Application.query()
    .whereIn(
      'id',
      decisions.map((decision) => decision.applicationId)
    )
    .select('id', 'reference', 'applicant_id')
  const applicants = await User.query().whereIn(
    'id',
    applications.map((application) => application.applicantId)
  )
  const byId = new Map(applicants.map((user) => [user.id, user]))
  for (const application of applications) {
    const decision = decisions.find((item) => item.applicationId === application.id)!
    await mail.sendLater(
      new DecisionMail(byId.get(application.applicantId)!, application, {
        outcome: decision.outcome as 'awarded' | 'waitlisted' | 'rejected',
        amountCentimes: decision.amountCentimes ?? null,
        reservePosition: decision.reservePosition ?? null,
      })
    )
  }
}
