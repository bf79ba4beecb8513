import { test } from '@japa/runner'
import { buildBankCsv, csvCell } from '#disbursements/rails/bank_csv'

test.group('Bank files / CSV', () => {
  test('one line per transfer after the header, amounts in MAD with 2 decimals', ({ assert }) => {
    const csv = buildBankCsv([
      {
        endToEndId: 'payout:7',
        amountCentimes: 1_234_505,
        creditorName: 'Atlas, "SARL"',
        iban: 'MA64011519000001205000534921',
        bic: 'BCMAMAMC',
        remittance: 'Manassa tranche 1',
      },
    ])
    const lines = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n')
    assert.deepEqual(lines, [
      'end_to_end_id,beneficiary,iban,bic,amount,currency,remittance',
      'payout:7,"Atlas, ""SARL""",MA64011519000001205000534921,BCMAMAMC,12345.05,MAD,Manassa tranche 1',
    ])
  })

  test('cells a spreadsheet would run as formulas are neutralised', ({ assert }) => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`)
    assert.equal(csvCell('+212600'), "'+212600")
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)")
    assert.equal(csvCell('Atlas'), 'Atlas')
  })
})
