import { test } from '@japa/runner'
import { parseCamt053 } from '#disbursements/rails/camt053'
import { parseStatementCsv } from '#disbursements/rails/bank_csv'
import { matchStatement } from '#disbursements/reconciliation'

const STATEMENT = `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
  <Ntry><Amt Ccy="MAD">1500.25</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-11-24</Dt></BookgDt>
    <NtryDtls><TxDtls><Refs><EndToEndId>payout:1</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
  <Ntry><Amt Ccy="MAD">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>
  <Ntry><Amt Ccy="EUR">10</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><DtTm>2026-11-25T09:00:00</DtTm></BookgDt>
    <NtryDtls>
      <TxDtls><Refs><EndToEndId>payout:2</EndToEndId></Refs><Amt Ccy="MAD">200.5</Amt></TxDtls>
      <TxDtls><Refs><EndToEndId>payout:3</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">10</Amt></TxAmt></AmtDtls></TxDtls>
    </NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`

test.group('Bank statements / camt.053 and CSV parsing, matching', () => {
  test('debits are read per transaction detail, with the EndToEndId, amount in centimes and booking date', ({
    assert,
  }) => {
    assert.deepEqual(parseCamt053(STATEMENT), [
      {
        reference: 'payout:1',
        amountCentimes: 150_025,
        currency: 'MAD',
        bookedOn: '2026-11-24',
        line: 1,
      },
      {
        reference: 'payout:2',
        amountCentimes: 20_050,
        currency: 'MAD',
        bookedOn: '2026-11-25',
        line: 2,
      },
      {
        reference: 'payout:3',
        amountCentimes: 1_000,
        currency: 'EUR',
        bookedOn: '2026-11-25',
        line: 3,
      },
    ])
  })

  test('what is not a statement is refused rather than read as empty', ({ assert }) => {
    assert.throws(() => parseCamt053('<html></html>'), /BkToCstmrStmt/)
    assert.throws(() => parseStatementCsv('date;libellé\n2026-11-24;x'), /reference and an amount/)
  })

  test('CSV statements with French headers, semicolons and decimal commas', ({ assert }) => {
    const entries = parseStatementCsv(
      '\ufeffRéférence;Montant;Date\npayout:9;"1 234,50";2026-11-24\n'
    )
    assert.deepEqual(entries, [
      {
        reference: 'payout:9',
        amountCentimes: 123_450,
        currency: 'MAD',
        bookedOn: '2026-11-24',
        line: 1,
      },
    ])
  })

  test('matching sorts lines into settle, reconcile, already done and mismatches with reasons', ({
    assert,
  }) => {
    const entries = parseCamt053(STATEMENT)
    const match = matchStatement(
      [...entries, { ...entries[0], line: 4 }],
      [
        { id: 1, key: 'payout:1', amountCentimes: 150_025, state: 'submitting' },
        { id: 2, key: 'payout:2', amountCentimes: 20_000, state: 'submitting' },
        { id: 3, key: 'payout:3', amountCentimes: 1_000, state: 'paid' },
      ]
    )
    assert.deepEqual(
      match.toSettle.map((item) => item.trancheId),
      [1]
    )
    assert.deepEqual(match.toReconcile, [])
    assert.deepEqual(
      match.mismatches.map((mismatch) => [mismatch.line, mismatch.reason]),
      [
        [2, 'amount_mismatch'],
        [3, 'currency_mismatch'],
        [4, 'duplicate_line'],
      ]
    )
  })
})
