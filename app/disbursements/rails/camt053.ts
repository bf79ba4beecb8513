import { XMLParser } from 'fast-xml-parser'
import { centimesOfDecimal } from '#disbursements/rails/bank_transfer'
import { InvalidStatement, type StatementEntry } from '#disbursements/rails/statement_entry'

/*
| ISO 20022 bank-to-customer statement (`camt.053`, any version from 001.02): the debits
| of the programme's account, one entry per transaction detail, matched by EndToEndId.
| A batch booking (one Ntry for a whole pain.001) lists its transfers as TxDtls.
*/

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => ['Stmt', 'Ntry', 'TxDtls'].includes(name),
})

type Node = Record<string, any> | undefined

function amountOf(node: Node): { centimes: number | null; currency: string } | null {
  if (node === undefined) return null
  const textValue = typeof node === 'string' ? node : node['#text']
  return {
    centimes: centimesOfDecimal(String(textValue ?? '')),
    currency: typeof node === 'object' ? String(node.Ccy ?? '') : '',
  }
}

export function parseCamt053(xml: string): StatementEntry[] {
  let document: Node
  try {
    document = parser.parse(xml, true)?.Document
  } catch (error) {
    throw new InvalidStatement(`not well-formed XML: ${(error as Error).message}`)
  }
  const statements = document?.BkToCstmrStmt?.Stmt
  if (!Array.isArray(statements)) throw new InvalidStatement('no BkToCstmrStmt/Stmt')
  const entries: StatementEntry[] = []
  for (const statement of statements) {
    for (const entry of statement.Ntry ?? []) {
      if (entry.CdtDbtInd !== 'DBIT') continue
      const bookedOn = entry.BookgDt?.Dt ?? entry.BookgDt?.DtTm?.slice(0, 10) ?? null
      const details: Node[] = entry.NtryDtls?.TxDtls ?? []
      const single = details.length <= 1
      for (const detail of details.length > 0 ? details : [undefined]) {
        const amount =
          amountOf(detail?.Amt) ??
          amountOf(detail?.AmtDtls?.TxAmt?.Amt) ??
          (single ? amountOf(entry.Amt) : null)
        entries.push({
          reference: String(detail?.Refs?.EndToEndId ?? entry.AcctSvcrRef ?? '').trim(),
          amountCentimes: amount?.centimes ?? null,
          currency: amount?.currency || 'MAD',
          bookedOn,
          line: entries.length + 1,
        })
      }
    }
  }
  return entries
}
