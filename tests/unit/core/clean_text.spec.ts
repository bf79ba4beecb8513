import { test } from '@japa/runner'
import fc from 'fast-check'
import { cleanText } from '#core/validators/clean_text'
import { strictNumber } from '#core/validators/strict_number'
import { ID_PATTERN, INT4_MAX } from '#core/route_ids'

// eslint-disable-next-line no-control-regex
const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/
const INVISIBLE = /[\u200B-\u200D\uFEFF\u200E\u200F\u061C]/

test.group('cleanText', () => {
  test('normalizes to NFC, strips zero-width characters and direction marks, trims', ({
    assert,
  }) => {
    assert.deepEqual(cleanText(' Cafe\u0301 '), { value: 'Caf\u00E9' })
    assert.deepEqual(cleanText('\u200BAt\u200Dlas\uFEFF'), { value: 'Atlas' })
    assert.deepEqual(cleanText('\u200Fمنصة\u200E \u061C'), { value: 'منصة' })
    assert.deepEqual(cleanText('\u200B\u200C'), { value: '' })
    assert.deepEqual(cleanText('ⵜⴰⵎⴰⵣⵉⵖⵜ'), { value: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' })
  })

  test('refuses NUL, C0 and C1 controls and bidi embeddings, overrides and isolates', ({
    assert,
  }) => {
    for (const character of ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009F']) {
      assert.deepEqual(cleanText(`a${character}b`), { problem: 'control_characters' })
    }
    for (const character of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2069',
    ]) {
      assert.deepEqual(cleanText(`invoice${character}fdp.exe`), { problem: 'bidi_characters' })
    }
  })

  test('line breaks and tabs only in long text', ({ assert }) => {
    assert.deepEqual(cleanText('a\nb\r\n\tc'), { value: 'a\nb\r\n\tc' })
    assert.deepEqual(cleanText('a\nb', { multiline: false }), { problem: 'control_characters' })
  })

  test('whatever the input, the cleaned text holds no refused or invisible character', ({
    assert,
  }) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => {
        const cleaned = cleanText(input)
        if (cleaned.problem) return
        assert.notMatch(cleaned.value, REFUSED)
        assert.notMatch(cleaned.value, INVISIBLE)
        assert.equal(cleaned.value, cleaned.value.normalize('NFC'))
      }),
      { numRuns: 2000 }
    )
  })
})

test.group('strictNumber and route ids', () => {
  test('only JSON numbers and plain decimals are numbers', ({ assert }) => {
    assert.equal(strictNumber(12), 12)
    assert.equal(strictNumber('12'), 12)
    assert.equal(strictNumber('-3.5'), -3.5)
    for (const input of [
      '0x10',
      '1e3',
      '1e309',
      'Infinity',
      '',
      ' ',
      '12abc',
      true,
      [7],
      {},
      null,
    ]) {
      assert.isNaN(strictNumber(input), JSON.stringify(input))
    }
  })

  test('a route id is a positive int4 without leading zero', ({ assert }) => {
    fc.assert(
      fc.property(fc.bigInt({ min: -10n, max: 10_000_000_000n }), (value) => {
        const expected = value >= 1n && value <= BigInt(INT4_MAX)
        assert.equal(ID_PATTERN.test(String(value)), expected, String(value))
      }),
      { numRuns: 5000 }
    )
    for (const input of ['01', '1e3', '0x10', '+1', '1.0', ' 1', '']) {
      assert.isFalse(ID_PATTERN.test(input), input)
    }
    assert.isTrue(ID_PATTERN.test('2147483647'))
    assert.isFalse(ID_PATTERN.test('2147483648'))
  })
})
