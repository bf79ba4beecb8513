import { test } from '@japa/runner'
import { buildPain001 } from '#disbursements/rails/pain001'
import { validatePain001 as validate } from '#tests/helpers/iso20022'
import { decimalAmount, type BankTransfer } from '#disbursements/rails/bank_transfer'

const DEBTOR = { name: 'Manassa Programme', iban: 'MA64011519000001205000534921', bic: 'BCMAMAMC' }

function transfers(count: number): BankTransfer[] {
  return Array.from({ length: count }, (_, index) => ({
    endToEndId: `payout:${1000 + index}`,
    amountCentimes: 1_500_000 + index * 7 + 5,
    creditorName: index === 1 ? 'Société Atlas & Fils <SARL>' : `Bénéficiaire ${index}`,
    iban: 'MA64011519000001205000534921',
    bic: index % 2 === 0 ? 'BCMAMAMC' : null,
    remittance: index === 2 ? 'منحة — الشطر 2' : `Manassa tranche ${index + 1}`,
  }))
}

test.group('Bank files / ISO 20022 pain.001', () => {
  test('a generated credit transfer file validates against the official pain.001.001.03 XSD', async ({
    assert,
  }) => {
    const xml = buildPain001({
      messageId: 'PR-bank-0123456789abcdef01234567',
      createdAt: new Date('2026-11-23T10:15:00Z'),
      executionDate: '2026-11-24',
      debtor: DEBTOR,
      transfers: transfers(25),
    })
    const result = await validate(xml)
    assert.isTrue(result.valid, JSON.stringify(result.errors.slice(0, 3)))
  })

  test('NbOfTxs and CtrlSum of the header and the block count exactly the transfers, in MAD with 2 decimals', ({
    assert,
  }) => {
    const batch = transfers(3)
    const xml = buildPain001({
      messageId: 'PR-1',
      createdAt: new Date(),
      executionDate: '2026-11-24',
      debtor: DEBTOR,
      transfers: batch,
    })
    const expectedSum = decimalAmount(batch.reduce((sum, item) => sum + item.amountCentimes, 0))
    assert.equal(expectedSum, '45000.36')
    assert.deepEqual(
      [...xml.matchAll(/<NbOfTxs>(\d+)<\/NbOfTxs>/g)].map((m) => m[1]),
      ['3', '3']
    )
    assert.deepEqual(
      [...xml.matchAll(/<CtrlSum>([\d.]+)<\/CtrlSum>/g)].map((m) => m[1]),
      [expectedSum, expectedSum]
    )
    assert.deepEqual(
      [...xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]),
      ['payout:1000', 'payout:1001', 'payout:1002']
    )
    assert.deepEqual(
      [...xml.matchAll(/<InstdAmt Ccy="MAD">([^<]+)<\/InstdAmt>/g)].map((m) => m[1]),
      ['15000.05', '15000.12', '15000.19']
    )
    assert.include(xml, '<Nm>Société Atlas &amp; Fils &lt;SARL&gt;</Nm>')
  })

  test('a file the bank would refuse is caught by the XSD (the validation is not a formality)', async ({
    assert,
  }) => {
    const xml = buildPain001({
      messageId: 'PR-2',
      createdAt: new Date(),
      executionDate: '24/11/2026',
      debtor: DEBTOR,
      transfers: transfers(1),
    })
    const result = await validate(xml)
    assert.isFalse(result.valid)
    assert.match(result.errors[0].message, /ReqdExctnDt/)
  })

  test('amounts are formatted from integer centimes, never through floats', ({ assert }) => {
    assert.equal(decimalAmount(1), '0.01')
    assert.equal(decimalAmount(10), '0.10')
    assert.equal(decimalAmount(123_456_789_012), '1234567890.12')
    assert.equal(decimalAmount(Number.MAX_SAFE_INTEGER), '90071992547409.91')
  })
})
