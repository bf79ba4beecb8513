/** One line of a bank statement, as the reconciliation reads it (camt.053 or CSV). */
export interface StatementEntry {
  /** The EndToEndId the bank echoes (our tranche key), or the line's reference. */
  reference: string
  amountCentimes: number | null
  currency: string
  bookedOn: string | null
  /** Position in the statement (1-based), for the list of mismatches. */
  line: number
}

/** A statement that cannot be read at all (not XML, no amount column…). */
export class InvalidStatement extends Error {}
