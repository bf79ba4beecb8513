import { test } from '@japa/runner'
import {
  hasValidIbanChecksum,
  ibanFromRib,
  isValidMoroccanIban,
  isValidRib,
  parseBankAccount,
  ribKey,
} from '#disbursements/bank_account'

/** The IBAN registry's Moroccan example and its RIB (bank 011, city 519, key 21). */
const IBAN = 'MA64011519000001205000534921'
const RIB = '011519000001205000534921'

test.group('Bank account numbers', () => {
  test('the IBAN registry examples pass the mod 97 checksum', ({ assert }) => {
    assert.isTrue(hasValidIbanChecksum(IBAN))
    assert.isTrue(hasValidIbanChecksum('GB82WEST12345698765432'))
    assert.isTrue(hasValidIbanChecksum('FR1420041010050500013M02606'))
  })

  test('a Moroccan IBAN is MA and 26 digits with the right check digits', ({ assert }) => {
    assert.isTrue(isValidMoroccanIban(IBAN))
    assert.isFalse(isValidMoroccanIban('MA65011519000001205000534921'), 'wrong check digits')
    assert.isFalse(isValidMoroccanIban('MA64011519000001205000534912'), 'two digits swapped')
    assert.isFalse(isValidMoroccanIban('MA6401151900000120500053492'), 'one digit short')
    assert.isFalse(isValidMoroccanIban('GB82WEST12345698765432'), 'not Moroccan')
  })

  test('a RIB is 24 digits whose key makes the number a multiple of 97', ({ assert }) => {
    assert.isTrue(isValidRib(RIB))
    assert.equal(ribKey(RIB.slice(0, 22)), '21')
    assert.isFalse(isValidRib('011519000001205000534922'), 'wrong key')
    assert.isFalse(isValidRib('011519000001205000534'), 'too short')
    assert.isFalse(isValidRib('01151900000120500053492a'), 'a letter')
  })

  test('a RIB with a computed key is valid, and its IBAN is the registry one', ({ assert }) => {
    const first22 = '2257800001234567890123'
    const rib = first22 + ribKey(first22)
    assert.isTrue(isValidRib(rib))
    assert.isTrue(isValidMoroccanIban(ibanFromRib(rib)))
    assert.equal(ibanFromRib(RIB), IBAN)
  })

  test('what people type is read with spaces and lower case, and keeps only the last four', ({
    assert,
  }) => {
    assert.deepEqual(parseBankAccount('ma64 0115 1900 0001 2050 0053 4921'), {
      kind: 'iban',
      value: IBAN,
      last4: '4921',
    })
    assert.deepEqual(parseBankAccount('011 519 0000012050005349 21'), {
      kind: 'rib',
      value: RIB,
      last4: '4921',
    })
    assert.isNull(parseBankAccount('MA64 0115 1900 0001 2050 0053 4922'))
    assert.isNull(parseBankAccount('hello'))
  })
})
