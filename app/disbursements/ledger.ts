import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { TRANCHE_STATES } from '#disbursements/tranche_lifecycle'

/** Tranches whose money is released or on its way: they count against the award. */
export const ENGAGED_STATES = ['approved', 'submitting', 'paid', 'reconciled'] as const
/** Approved but not paid yet: engaged on the call's budget, not disbursed. */
export const IN_FLIGHT_STATES = ['approved', 'submitting'] as const
/** Every tranche that is not cancelled takes its share of the commitment. */
export const LIVE_STATES = TRANCHE_STATES.filter((state) => state !== 'cancelled')

export interface CallBudget {
  envelopeCentimes: number
  committedCentimes: number
  disbursedCentimes: number
}

/**
 * The three stacked segments of a call's budget bar, in centimes and percent of the
 * envelope: disbursed, committed but not disbursed, and what is left to award.
 */
export function budgetSegments(budget: CallBudget) {
  const envelope = Math.max(budget.envelopeCentimes, 1)
  const segments = [
    { key: 'disbursed', centimes: budget.disbursedCentimes },
    { key: 'committed', centimes: budget.committedCentimes - budget.disbursedCentimes },
    { key: 'remaining', centimes: budget.envelopeCentimes - budget.committedCentimes },
  ]
  let offset = 0
  return segments.map((segment) => {
    const percent = Math.round((segment.centimes / envelope) * 1000) / 10
    // Where the segment starts on the bar, in percent (an SVG x: no inline style under CSP).
    const start = offset
    offset = Math.round((offset + percent) * 10) / 10
    return { ...segment, percent, start }
  })
}

/**
 * What an approval may still add without paying beyond the award nor beyond what the
 * call committed. Pure; the caller holds the locks that make the figures current.
 */
export function approvalHeadroom(input: {
  agreementTotalCentimes: number
  agreementEngagedCentimes: number
  callCommittedCentimes: number
  callDisbursedCentimes: number
  callInFlightCentimes: number
}) {
  return {
    award: input.agreementTotalCentimes - input.agreementEngagedCentimes,
    call: input.callCommittedCentimes - input.callDisbursedCentimes - input.callInFlightCentimes,
  }
}

async function sumTranches(
  client: TransactionClientContract,
  column: 'agreement_id' | 'call_id',
  id: number,
  states: readonly string[],
  exceptTrancheId?: number
) {
  const query = client
    .from('tranches')
    .where(column, id)
    .whereIn('state', states as string[])
    .sum('amount_centimes as total')
  if (exceptTrancheId) query.whereNot('id', exceptTrancheId)
  const row = await query.first()
  return Number(row?.total ?? 0)
}

/** The award's amount already engaged (approved, in payment or paid), this tranche apart. */
export function engagedOnAgreement(
  client: TransactionClientContract,
  agreementId: number,
  exceptTrancheId?: number
) {
  return sumTranches(client, 'agreement_id', agreementId, ENGAGED_STATES, exceptTrancheId)
}

/** The call's amount approved and not yet paid, this tranche apart. */
export function inFlightOnCall(
  client: TransactionClientContract,
  callId: number,
  exceptTrancheId?: number
) {
  return sumTranches(client, 'call_id', callId, IN_FLIGHT_STATES, exceptTrancheId)
}

/** The commitment already scheduled or called (every tranche not cancelled). */
export function scheduledOnAgreement(client: TransactionClientContract, agreementId: number) {
  return sumTranches(client, 'agreement_id', agreementId, LIVE_STATES)
}

/** The finance ledger of a call: its budget, tranche totals per state, its entries. */
export async function callLedger(callId: number, entryLimit = 200) {
  const [byState, entries] = await Promise.all([
    db
      .from('tranches')
      .where('call_id', callId)
      .groupBy('state')
      .select('state')
      .count('* as count')
      .sum('amount_centimes as total'),
    db
      .from('ledger_entries')
      .leftJoin('users', 'users.id', 'ledger_entries.actor_id')
      .where('ledger_entries.call_id', callId)
      .orderBy('ledger_entries.id', 'desc')
      .limit(entryLimit)
      .select(
        'ledger_entries.id',
        'ledger_entries.kind',
        'ledger_entries.amount_centimes',
        'ledger_entries.decision_id',
        'ledger_entries.tranche_id',
        'ledger_entries.created_at',
        'users.full_name as actor_name'
      ),
  ])
  return {
    trancheTotals: byState.map((row) => ({
      state: row.state as string,
      count: Number(row.count),
      totalCentimes: Number(row.total ?? 0),
    })),
    entries: entries.map((row) => ({
      id: Number(row.id),
      kind: row.kind as string,
      amountCentimes: Number(row.amount_centimes),
      decisionId: row.decision_id as number | null,
      trancheId: row.tranche_id as number | null,
      createdAt: row.created_at as Date,
      actorName: row.actor_name as string | null,
    })),
  }
}
