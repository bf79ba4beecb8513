import {
  centimesOfDecimal,
  decimalAmount,
  type BankTransfer,
} from '#disbursements/rails/bank_transfer'
import type { StatementEntry } from '#disbursements/rails/statement_entry'
import { InvalidStatement } from '#disbursements/rails/statement_entry'

/*
| The same bank payment run as CSV (RFC 4180, UTF-8 with BOM for spreadsheets), for banks
| without an ISO 20022 channel. Cells that a spreadsheet would run as a formula are
| neutralised (ASVS 1.2.10).
*/

export const BANK_CSV_COLUMNS = [
  'end_to_end_id',
  'beneficiary',
  'iban',
  'bic',
  'amount',
  'currency',
  'remittance',
] as const

/** Quoted when needed; a leading = + - @ tab or CR is prefixed with an apostrophe. */
export function csvCell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function buildBankCsv(transfers: BankTransfer[]) {
  const lines = [BANK_CSV_COLUMNS.join(',')]
  for (const transfer of transfers) {
    lines.push(
      [
        transfer.endToEndId,
        transfer.creditorName,
        transfer.iban,
        transfer.bic ?? '',
        decimalAmount(transfer.amountCentimes),
        'MAD',
        transfer.remittance,
      ]
        .map(csvCell)
        .join(',')
    )
  }
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/** RFC 4180 rows (quotes, doubled quotes, CRLF or LF); a leading BOM is dropped. */
export function parseCsvRows(content: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const input = content.replace(/^\ufeff/, '')
  for (let index = 0; index < input.length; index++) {
    const character = input[index]
    if (quoted) {
      if (character === '"' && input[index + 1] === '"') {
        cell += '"'
        index++
      } else if (character === '"') {
        quoted = false
      } else {
        cell += character
      }
    } else if (character === '"') {
      quoted = true
    } else if (character === ',' || character === ';') {
      row.push(cell)
      cell = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && input[index + 1] === '\n') index++
      row.push(cell)
      if (row.some((value) => value.trim() !== '')) rows.push(row)
      row = []
      cell = ''
    } else {
      cell += character
    }
  }
  row.push(cell)
  if (row.some((value) => value.trim() !== '')) rows.push(row)
  return rows
}

const REFERENCE_HEADERS = ['end_to_end_id', 'endtoendid', 'reference', 'référence']
const AMOUNT_HEADERS = ['amount', 'montant', 'debit', 'débit']
const DATE_HEADERS = ['booking_date', 'date', 'date_operation', 'date_opération']

/**
 * A bank statement exported as CSV: a header row naming the reference (EndToEndId),
 * amount and, optionally, booking date and currency columns.
 */
export function parseStatementCsv(content: string): StatementEntry[] {
  const [header, ...lines] = parseCsvRows(content)
  const names = (header ?? []).map((name) => name.trim().toLowerCase())
  const column = (candidates: string[]) => names.findIndex((name) => candidates.includes(name))
  const reference = column(REFERENCE_HEADERS)
  const amount = column(AMOUNT_HEADERS)
  const date = column(DATE_HEADERS)
  const currency = column(['currency', 'devise'])
  if (reference < 0 || amount < 0) {
    throw new InvalidStatement('a reference and an amount column are needed')
  }
  return lines.map((cells, index) => ({
    reference: (cells[reference] ?? '').trim(),
    amountCentimes: centimesOfDecimal((cells[amount] ?? '').replace(/^-/, '')),
    currency: currency >= 0 ? (cells[currency] ?? '').trim() || 'MAD' : 'MAD',
    bookedOn: date >= 0 ? (cells[date] ?? '').trim() || null : null,
    line: index + 1,
  }))
}
