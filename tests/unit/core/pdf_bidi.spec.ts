import { test } from '@japa/runner'
import fc from 'fast-check'
import { mirrorBrackets, visualRuns } from '#core/pdf/bidi'

const ltr = (text: string) => ({ text, rtl: false })
const rtl = (text: string) => ({ text, rtl: true })

test.group('PDF bidi / runs in display order', () => {
  test('a Latin line is one left-to-right run', ({ assert }) => {
    assert.deepEqual(visualRuns('Accusé de réception (SM-2026-000123)', 'ltr'), [
      ltr('Accusé de réception (SM-2026-000123)'),
    ])
  })

  test('an Arabic line is one right-to-left run, kept in reading order for the shaper', ({
    assert,
  }) => {
    assert.deepEqual(visualRuns('إشعار بالاستلام', 'rtl'), [rtl('إشعار بالاستلام')])
  })

  test('a reference after an Arabic label stands to its left, in one piece', ({ assert }) => {
    assert.deepEqual(visualRuns('رقم الطلب: SM-2026-000123', 'rtl'), [
      ltr('SM-2026-000123'),
      rtl('رقم الطلب: '),
    ])
  })

  test('an e-mail address inside an Arabic sentence keeps its dots, dash and at sign', ({
    assert,
  }) => {
    assert.deepEqual(visualRuns('راسلونا على amina.el-idrissi@example.ma شكرا', 'rtl'), [
      rtl(' شكرا'),
      ltr('amina.el-idrissi@example.ma'),
      rtl('راسلونا على '),
    ])
  })

  test('a number stays between the Arabic words around it', ({ assert }) => {
    assert.deepEqual(visualRuns('قدم 3 وثائق', 'rtl'), [rtl(' وثائق'), ltr('3'), rtl('قدم ')])
  })

  test('separators and units inside a number belong to it', ({ assert }) => {
    assert.deepEqual(visualRuns('المبلغ 1.500,00 درهم', 'rtl'), [
      rtl(' درهم'),
      ltr('1.500,00'),
      rtl('المبلغ '),
    ])
    assert.deepEqual(visualRuns('النسبة 50% من المنحة', 'rtl'), [
      rtl(' من المنحة'),
      ltr('50%'),
      rtl('النسبة '),
    ])
  })

  test('an Arabic date reads day, month, year then time from the right', ({ assert }) => {
    assert.deepEqual(visualRuns('1 مارس 2026، 16:05', 'rtl'), [
      ltr('16:05'),
      rtl('، '),
      ltr('2026'),
      rtl(' مارس '),
      ltr('1'),
    ])
  })

  test('numbers separated by a space in Arabic text are read right to left', ({ assert }) => {
    assert.deepEqual(visualRuns('الأرقام 12 34', 'rtl'), [
      ltr('34'),
      rtl(' '),
      ltr('12'),
      rtl('الأرقام '),
    ])
  })

  test('an Arabic name in a French line is reversed as a block, the French around it is not', ({
    assert,
  }) => {
    assert.deepEqual(visualRuns('Nom : أمينة الإدريسي (Rabat)', 'ltr'), [
      ltr('Nom : '),
      rtl('أمينة الإدريسي'),
      ltr(' (Rabat)'),
    ])
  })

  test('a number after Arabic words in a French line goes with the Arabic', ({ assert }) => {
    assert.deepEqual(visualRuns('Appel : طلب مشاريع 2026', 'ltr'), [
      ltr('Appel : '),
      ltr('2026'),
      rtl('طلب مشاريع '),
    ])
  })

  test('brackets around Latin text on an Arabic page take the page direction', ({ assert }) => {
    assert.deepEqual(visualRuns('(SM-2026-000123)', 'rtl'), [
      rtl(')'),
      ltr('SM-2026-000123'),
      rtl('('),
    ])
    // Drawn right to left, the closing bracket at the far left must face the other way.
    assert.equal(mirrorBrackets('(«x»)'), ')»x«(')
  })

  test('a hexadecimal fingerprint on an Arabic page stays in one left-to-right piece', ({
    assert,
  }) => {
    assert.deepEqual(visualRuns('3f2a9c1b 7e4d5a6b 0a1b2c3d', 'rtl'), [
      ltr('3f2a9c1b 7e4d5a6b 0a1b2c3d'),
    ])
  })

  test('invisible direction marks steer the order and are not drawn', ({ assert }) => {
    const runs = visualRuns('pitch.pdf\u200f (2,4 م.ب)', 'rtl')
    assert.deepEqual(runs, [rtl(' م.ب)'), ltr('2,4'), rtl(' ('), ltr('pitch.pdf')])
    assert.deepEqual(visualRuns('a\u200eb', 'ltr'), [ltr('ab')])
  })

  test('an empty line has no runs', ({ assert }) => {
    assert.deepEqual(visualRuns('', 'rtl'), [])
    assert.deepEqual(visualRuns('', 'ltr'), [])
  })

  test('every visible character is drawn exactly once, whatever the mix', ({ assert }) => {
    const alphabet = [...'ab Z9 0.,:-+%()@ابتث ٣ⴰⵣ، \u200f\u200e']
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join('')),
        fc.constantFrom('ltr' as const, 'rtl' as const),
        (line, direction) => {
          const drawn = visualRuns(line, direction)
            .map((run) => run.text)
            .join('')
          const visible = line.replace(/[\u200e\u200f]/g, '')
          assert.deepEqual([...drawn].sort(), [...visible].sort())
          for (const run of visualRuns(line, direction)) assert.notEqual(run.text, '')
        }
      ),
      { numRuns: 1000 }
    )
  })

  test('a line without right-to-left letters keeps its order on a French page', ({ assert }) => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1 }), (line) => {
        assert.deepEqual(visualRuns(line, 'ltr'), [ltr(line)])
      }),
      { numRuns: 1000 }
    )
  })
})
