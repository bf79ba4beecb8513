/** One credit transfer of a bank payment run, as both bank files carry it. */
export interface BankTransfer {
  /** The tranche's own key (`payout:…`): EndToEndId, and what the statement echoes. */
  endToEndId: string
  amountCentimes: number
  creditorName: string
  iban: string
  bic: string | null
  /** Unstructured remittance information the beneficiary sees. */
  remittance: string
}

/** The programme's own account, debtor of every transfer (PAYMENTS_DEBTOR_* settings). */
export interface DebtorAccount {
  name: string
  iban: string
  bic: string
}

/** Centimes as a decimal amount with two places ("1234.50"), without any float. */
export function decimalAmount(centimes: number | bigint) {
  const value = BigInt(centimes)
  const sign = value < 0n ? '-' : ''
  const absolute = value < 0n ? -value : value
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`
}

/** "1234.5", "1234.50", "1 234,50" as centimes; null when it is not an amount. */
export function centimesOfDecimal(text: string): number | null {
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(text.replace(/[\s\u00a0]/g, ''))
  if (!match) return null
  const centimes = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(centimes) ? centimes : null
}

export function totalCentimes(transfers: BankTransfer[]) {
  return transfers.reduce((sum, transfer) => sum + BigInt(transfer.amountCentimes), 0n)
}
