import { test } from '@japa/runner'
import { PDFDocument, rgb } from 'pdf-lib'
import type { TextDirection } from '#core/pdf/bidi'
import { PdfDocumentBuilder } from '#core/pdf/document_builder'
import { DocumentFonts, fontLibrary, type FontWeight } from '#core/pdf/fonts'
import { TextLayout } from '#core/pdf/text_layout'

const style = (weight: FontWeight = 'regular') => ({ size: 10, weight, color: rgb(0, 0, 0) })

/** A layout over a fresh document with every face the given texts need. */
async function layoutFor(
  direction: TextDirection,
  texts: string[],
  weight: FontWeight = 'regular'
) {
  const library = await fontLibrary()
  const fonts = new DocumentFonts(await PDFDocument.create(), library)
  await fonts.embed(texts.flatMap((text) => library.facesFor(text, weight)))
  return new TextLayout(fonts, direction)
}

const facesOf = (pieces: Array<{ face: { key: string }; text: string }>) =>
  pieces.map((piece) => [piece.face.key, piece.text])

test.group('PDF text layout / faces', () => {
  test('Latin text uses Helvetica, which needs no embedding', async ({ assert }) => {
    const library = await fontLibrary()
    assert.deepEqual(
      library.facesFor('Accusé de réception — 1 234,5 Mo', 'regular').map((face) => face.key),
      ['latin-regular']
    )
    // French number formatting uses a narrow no-break space, drawn as a no-break space.
    assert.equal(library.latinFamilyFor('1\u202f234,5\u202fMo'), 'latin')
  })

  test('Latin letters Helvetica cannot encode switch the whole text to Noto Sans', async ({
    assert,
  }) => {
    const library = await fontLibrary()
    assert.equal(library.latinFamilyFor('Amina Aɣbalu'), 'latinExtended')
    assert.deepEqual(
      facesOf(library.segment('Amina Aɣbalu', 'regular', library.latinFamilyFor('Amina Aɣbalu'))),
      [['latinExtended-regular', 'Amina Aɣbalu']]
    )
  })

  test('Arabic and Tifinagh go to their own faces, digits and Latin to the Latin face', async ({
    assert,
  }) => {
    const library = await fontLibrary()
    assert.deepEqual(facesOf(library.segment('رقم الطلب: SM-2026', 'bold', 'latin')), [
      ['arabic-bold', 'رقم الطلب: '],
      ['latin-bold', 'SM-2026'],
    ])
    assert.deepEqual(facesOf(library.segment('ⴰⵖⵔⵓⵔ 2026 (1)', 'regular', 'latin')), [
      ['tifinagh-regular', 'ⴰⵖⵔⵓⵔ '],
      ['latin-regular', '2026 (1)'],
    ])
  })

  test('a character no face has never breaks a document', async ({ assert }) => {
    const bytes = await new PdfDocumentBuilder({ locale: 'fr', title: 'x' })
      .text('Émoji 🎉, flèche →, CJK 漢字, zero width\u200b joiner')
      .toBytes()
    const pdf = await PDFDocument.load(bytes)
    assert.equal(pdf.getPageCount(), 1)
  })
})

test.group('PDF text layout / lines', () => {
  test('an Arabic line is right-aligned and its reference sits at the left end', async ({
    assert,
  }) => {
    const text = 'رقم الطلب: SM-2026-000123'
    const layout = await layoutFor('rtl', [text])
    const line = layout.line(text, style())
    assert.deepEqual(facesOf(line.pieces), [
      ['latin-regular', 'SM-2026-000123'],
      ['arabic-regular', 'رقم الطلب: '],
    ])
    assert.closeTo(layout.startOf(line, 50, 500) + line.width, 500, 0.001)
  })

  test('text that is not shaped right to left is reversed for an Arabic page', async ({
    assert,
  }) => {
    const layout = await layoutFor('rtl', ['(SM)'])
    // The brackets are mirrored and drawn in display order: ")" at the left shows as "(".
    assert.deepEqual(
      layout.line('(SM)', style()).pieces.map((piece) => piece.text),
      ['(', 'SM', ')']
    )
  })

  test('a French line starts at the left margin', async ({ assert }) => {
    const layout = await layoutFor('ltr', ['Appel'])
    const line = layout.line('Appel', style())
    assert.equal(layout.startOf(line, 50, 500), 50)
  })

  test('a paragraph wraps at spaces into lines that fit the width', async ({ assert }) => {
    const text =
      'Cet accusé de réception atteste que votre candidature a été déposée à la date indiquée. ' +
      'Il ne préjuge ni de son éligibilité ni de la décision.'
    const layout = await layoutFor('ltr', [text])
    const lines = layout.wrap(text, style(), 200)
    assert.isAbove(lines.length, 2)
    for (const line of lines) assert.isAtMost(line.width, 200)
    assert.equal(
      lines.map((line) => line.pieces.map((piece) => piece.text).join('')).join(' '),
      text
    )
  })

  test('a word wider than the column is cut, not left to overflow', async ({ assert }) => {
    const fingerprint = 'ab'.repeat(32)
    const layout = await layoutFor('ltr', [fingerprint])
    const lines = layout.wrap(fingerprint, style(), 120)
    assert.isAbove(lines.length, 1)
    for (const line of lines) assert.isAtMost(line.width, 120)
    assert.equal(lines.map((line) => line.pieces[0].text).join(''), fingerprint)
  })

  test('an Arabic paragraph wraps too, each line right-aligned', async ({ assert }) => {
    const text = 'يشهد هذا الإشعار بأن طلبكم قد أودع على منصة Manassa في التاريخ والساعة المذكورين.'
    const layout = await layoutFor('rtl', [text])
    const lines = layout.wrap(text, style(), 150)
    assert.isAbove(lines.length, 1)
    for (const line of lines) {
      assert.isAtMost(line.width, 150)
      assert.closeTo(layout.startOf(line, 0, 150) + line.width, 150, 0.001)
    }
  })
})
