import type { StatementEntry } from '#disbursements/rails/statement_entry'

/*
| Matching a bank statement against the tranches it names (pure): by EndToEndId (the
| tranche key) and amount, in MAD. What does not match is listed with its reason.
*/

export interface TrancheOnStatement {
  id: number
  key: string
  amountCentimes: number
  state: string
}

export type MismatchReason =
  | 'unknown_reference'
  | 'amount_mismatch'
  | 'currency_mismatch'
  | 'unexpected_state'
  | 'duplicate_line'
  | 'unreadable_amount'

export interface Mismatch {
  line: number
  reference: string
  reason: MismatchReason
  expectedCentimes?: number
  foundCentimes?: number | null
  state?: string
}

export interface StatementMatch {
  /** Sent to the bank and confirmed: to settle (→ paid), then reconcile. */
  toSettle: Array<{ trancheId: number; entry: StatementEntry }>
  /** Paid already (e.g. by a Stripe webhook): to reconcile. */
  toReconcile: Array<{ trancheId: number; entry: StatementEntry }>
  alreadyReconciled: string[]
  mismatches: Mismatch[]
}

export function matchStatement(
  entries: StatementEntry[],
  tranches: TrancheOnStatement[]
): StatementMatch {
  const byKey = new Map(tranches.map((tranche) => [tranche.key, tranche]))
  const seen = new Set<string>()
  const result: StatementMatch = {
    toSettle: [],
    toReconcile: [],
    alreadyReconciled: [],
    mismatches: [],
  }
  for (const entry of entries) {
    const base = { line: entry.line, reference: entry.reference }
    const tranche = byKey.get(entry.reference)
    if (!tranche) {
      result.mismatches.push({ ...base, reason: 'unknown_reference' })
    } else if (seen.has(entry.reference)) {
      result.mismatches.push({ ...base, reason: 'duplicate_line' })
    } else if (entry.amountCentimes === null) {
      result.mismatches.push({ ...base, reason: 'unreadable_amount' })
    } else if (entry.currency.toUpperCase() !== 'MAD') {
      result.mismatches.push({ ...base, reason: 'currency_mismatch' })
    } else if (entry.amountCentimes !== tranche.amountCentimes) {
      result.mismatches.push({
        ...base,
        reason: 'amount_mismatch',
        expectedCentimes: tranche.amountCentimes,
        foundCentimes: entry.amountCentimes,
      })
    } else if (tranche.state === 'reconciled') {
      result.alreadyReconciled.push(entry.reference)
    } else if (tranche.state === 'submitting') {
      result.toSettle.push({ trancheId: tranche.id, entry })
    } else if (tranche.state === 'paid') {
      result.toReconcile.push({ trancheId: tranche.id, entry })
    } else {
      result.mismatches.push({ ...base, reason: 'unexpected_state', state: tranche.state })
    }
    seen.add(entry.reference)
  }
  return result
}
