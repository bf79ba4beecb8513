import { test } from '@japa/runner'
import { PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib'
import { PdfDocumentBuilder } from '#core/pdf/document_builder'
import { embeddedText } from '#tests/helpers/pdf_text'

/** A one-page Arabic document: a title and a table. */
async function arabicDocument(title: string, ...values: string[]) {
  const bytes = await new PdfDocumentBuilder({ locale: 'ar', title })
    .title(title)
    .keyValues(values.map((value) => ({ label: 'البرنامج', value })))
    .toBytes()
  return PDFDocument.load(bytes)
}

/** The compressed font programs a document embeds, by font name without its random prefix. */
function fontPrograms(doc: PDFDocument) {
  const programs = new Map<string, Uint8Array>()
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (
      !(object instanceof PDFDict) ||
      object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')
    )
      continue
    const name = object.get(PDFName.of('FontName'))!.toString().replace(/-\d+$/, '')
    const file = doc.context.lookup(object.get(PDFName.of('FontFile2')) as PDFRef) as PDFRawStream
    programs.set(name, file.getContents())
  }
  return programs
}

/** What a reader copies from the page, each run in reading order. */
const readable = (doc: PDFDocument) =>
  embeddedText(doc.getPage(0))
    .map((run) => [...run].reverse().join(''))
    .join(' ')

test.group('PDF fonts reused across documents', () => {
  test('documents with the same glyphs share one font program, whatever order they draw them in', async ({
    assert,
  }) => {
    const first = await arabicDocument('طلب مشاريع', 'ستارت أب', 'المغرب 2026')
    // Same rows, other order: same glyphs, drawn in another order.
    const second = await arabicDocument('طلب مشاريع', 'المغرب 2026', 'ستارت أب')
    const [a, b] = [fontPrograms(first), fontPrograms(second)]
    assert.isAbove(a.size, 0)
    assert.deepEqual([...a.keys()], [...b.keys()])
    for (const [name, program] of a) assert.deepEqual(b.get(name), program, name)
  })

  test('a document with a letter beyond the common set gets its own subset, and every document stays readable', async ({
    assert,
  }) => {
    const texts = [
      ['طلب مشاريع', 'ستارت أب المغرب'],
      // ڤ (veh, in Moroccan names and places) is not among the letters every subset holds.
      ['شهادة تكوين', 'ڤيلا أكادير الجزري'],
      ['طلب مشاريع', 'ستارت أب المغرب'],
    ]
    const documents = []
    for (const [title, value] of texts) documents.push(await arabicDocument(title, value))
    documents.forEach((doc, i) => {
      const text = readable(doc)
      for (const word of texts[i].join(' ').split(' ')) assert.include(text, word, `document ${i}`)
    })
    const [first, other, again] = documents.map(fontPrograms)
    const regular = [...first.keys()].find((name) => name.includes('Regular'))!
    assert.notDeepEqual(other.get(regular), first.get(regular))
    assert.deepEqual(again.get(regular), first.get(regular))
  })
})
