import { test } from '@japa/runner'
import { base32Decode, base32Encode, CROCKFORD_ALPHABET } from '#core/base32'
import {
  generateTotpSecret,
  hotp,
  matchTotp,
  otpauthUri,
  timeStep,
} from '#identity/second_factor/totp'

/** RFC 6238 appendix B: the seed is ASCII "12345678901234567890" for SHA-1 (8 digits). */
const SEED = Buffer.from('12345678901234567890', 'ascii')
const SEED_32 = Buffer.from('12345678901234567890123456789012', 'ascii')
const SEED_64 = Buffer.from(
  '1234567890123456789012345678901234567890123456789012345678901234',
  'ascii'
)
const RFC_6238_VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
]

test.group('TOTP (RFC 6238)', () => {
  test('the RFC 6238 test vectors, SHA-1, SHA-256 and SHA-512', ({ assert }) => {
    for (const [seconds, sha1, sha256, sha512] of RFC_6238_VECTORS) {
      const step = timeStep(seconds * 1000)
      assert.equal(hotp(SEED, step, { digits: 8 }), sha1, `SHA-1 at ${seconds}`)
      assert.equal(hotp(SEED_32, step, { digits: 8, algorithm: 'sha256' }), sha256)
      assert.equal(hotp(SEED_64, step, { digits: 8, algorithm: 'sha512' }), sha512)
    }
  })

  test('the RFC 4226 HOTP vectors in 6 digits', ({ assert }) => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676']
    expected.forEach((code, counter) => assert.equal(hotp(SEED, counter), code))
  })

  test('base32 round-trips and reads the RFC seed as apps are given it', ({ assert }) => {
    assert.equal(base32Encode(SEED), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    assert.deepEqual(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq'), SEED)
    for (let length = 0; length < 25; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + 11) % 256))
      assert.deepEqual(base32Decode(base32Encode(bytes)), bytes)
    }
    assert.throws(() => base32Decode('AB1C'))
    assert.equal(
      base32Encode(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), CROCKFORD_ALPHABET),
      'ZZZZZZZZ'
    )
    assert.lengthOf(generateTotpSecret(), 32)
  })

  test('a code is accepted one step either side of now, not two', ({ assert }) => {
    const secret = base32Encode(SEED)
    const now = 1_234_567_890_000
    const step = timeStep(now)
    assert.equal(matchTotp(secret, hotp(SEED, step), now, null), step)
    assert.equal(matchTotp(secret, hotp(SEED, step - 1), now, null), step - 1)
    assert.equal(matchTotp(secret, hotp(SEED, step + 1), now, null), step + 1)
    assert.isNull(matchTotp(secret, hotp(SEED, step - 2), now, null))
    assert.isNull(matchTotp(secret, hotp(SEED, step + 2), now, null))
    assert.isNull(matchTotp(secret, 'abcdef', now, null))
    assert.isNull(matchTotp(secret, '12345', now, null))
  })

  test('a code of a step already used, or an earlier one, is refused (replay)', ({ assert }) => {
    const secret = base32Encode(SEED)
    const now = 1_234_567_890_000
    const step = timeStep(now)
    assert.isNull(matchTotp(secret, hotp(SEED, step), now, step))
    assert.isNull(matchTotp(secret, hotp(SEED, step - 1), now, step))
    assert.equal(matchTotp(secret, hotp(SEED, step + 1), now, step), step + 1)
  })

  test('the otpauth URI names the issuer and the account', ({ assert }) => {
    const uri = otpauthUri('GEZDGNBV', 'amal@example.ma', 'Manassa')
    assert.equal(
      uri,
      'otpauth://totp/Manassa%3Aamal%40example.ma?secret=GEZDGNBV&issuer=Manassa&algorithm=SHA1&digits=6&period=30'
    )
  })
})
