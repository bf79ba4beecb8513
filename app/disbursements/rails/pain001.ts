import {
  decimalAmount,
  totalCentimes,
  type BankTransfer,
  type DebtorAccount,
} from '#disbursements/rails/bank_transfer'

/*
| ISO 20022 customer credit transfer initiation, `pain.001.001.03` (the version Moroccan
| banks' corporate channels accept; validated against the official XSD in
| tests/unit/disbursements/pain001.spec.ts). One payment information block debiting the
| programme's account, one CdtTrfTxInf per tranche, EndToEndId = the tranche's key.
*/

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'

export interface Pain001Input {
  /** MsgId and PmtInfId: the batch's business key (≤ 35 characters). */
  messageId: string
  createdAt: Date
  /** Requested execution date, yyyy-MM-dd (Africa/Casablanca). */
  executionDate: string
  debtor: DebtorAccount
  transfers: BankTransfer[]
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

function isControl(character: string) {
  const code = character.codePointAt(0)!
  return code < 0x20 || code === 0x7f
}

/** Escaped, control characters blanked, cut to the XSD's maximum length. */
function text(value: string, maxLength: number) {
  const printable = [...value]
    .map((character) => (isControl(character) ? ' ' : character))
    .join('')
    .trim()
  const clean = [...printable].slice(0, maxLength).join('')
  return clean.replace(/[&<>"']/g, (character) => XML_ESCAPES[character])
}

/** ISODateTime without fractions or offset, in UTC as banks read it. */
function isoDateTime(date: Date) {
  return date.toISOString().slice(0, 19)
}

function agent(bic: string | null) {
  return bic ? `<FinInstnId><BIC>${text(bic, 11)}</BIC></FinInstnId>` : '<FinInstnId/>'
}

function creditTransfer(transfer: BankTransfer) {
  return (
    '<CdtTrfTxInf>' +
    `<PmtId><EndToEndId>${text(transfer.endToEndId, 35)}</EndToEndId></PmtId>` +
    `<Amt><InstdAmt Ccy="MAD">${decimalAmount(transfer.amountCentimes)}</InstdAmt></Amt>` +
    (transfer.bic ? `<CdtrAgt>${agent(transfer.bic)}</CdtrAgt>` : '') +
    `<Cdtr><Nm>${text(transfer.creditorName, 140)}</Nm></Cdtr>` +
    `<CdtrAcct><Id><IBAN>${text(transfer.iban, 34)}</IBAN></Id></CdtrAcct>` +
    `<RmtInf><Ustrd>${text(transfer.remittance, 140)}</Ustrd></RmtInf>` +
    '</CdtTrfTxInf>\n'
  )
}

/** The whole file; NbOfTxs and CtrlSum (header and block) count what is in it. */
export function buildPain001(input: Pain001Input) {
  const count = input.transfers.length
  const controlSum = decimalAmount(totalCentimes(input.transfers))
  const messageId = text(input.messageId, 35)
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Document xmlns="${PAIN001_NAMESPACE}">\n<CstmrCdtTrfInitn>\n` +
    '<GrpHdr>' +
    `<MsgId>${messageId}</MsgId>` +
    `<CreDtTm>${isoDateTime(input.createdAt)}</CreDtTm>` +
    `<NbOfTxs>${count}</NbOfTxs>` +
    `<CtrlSum>${controlSum}</CtrlSum>` +
    `<InitgPty><Nm>${text(input.debtor.name, 140)}</Nm></InitgPty>` +
    '</GrpHdr>\n' +
    '<PmtInf>' +
    `<PmtInfId>${messageId}</PmtInfId>` +
    '<PmtMtd>TRF</PmtMtd>' +
    '<BtchBookg>false</BtchBookg>' +
    `<NbOfTxs>${count}</NbOfTxs>` +
    `<CtrlSum>${controlSum}</CtrlSum>` +
    `<ReqdExctnDt>${input.executionDate}</ReqdExctnDt>` +
    `<Dbtr><Nm>${text(input.debtor.name, 140)}</Nm></Dbtr>` +
    `<DbtrAcct><Id><IBAN>${text(input.debtor.iban, 34)}</IBAN></Id><Ccy>MAD</Ccy></DbtrAcct>` +
    `<DbtrAgt>${agent(input.debtor.bic)}</DbtrAgt>\n` +
    input.transfers.map(creditTransfer).join('') +
    '</PmtInf>\n</CstmrCdtTrfInitn>\n</Document>\n'
  )
}
