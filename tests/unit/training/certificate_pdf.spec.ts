import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFRef,
  type PDFPage,
} from 'pdf-lib'
import { renderCertificate, type CertificateFacts } from '#training/certificate_pdf'
import { groupCode } from '#training/certificate_codes'

const FACTS: CertificateFacts = {
  code: '7KQ2M9XD4HPTB6WN',
  traineeName: 'Amina El Idrissi',
  courseTitle: 'Apprentissage automatique appliqué',
  instituteName: 'Institut Jazari Casablanca-Settat',
  startsOn: DateTime.fromISO('2026-02-02'),
  endsOn: DateTime.fromISO('2026-04-30'),
  hours: 120,
  issuedAt: DateTime.fromISO('2026-05-04T10:00:00Z'),
}

const streamText = (doc: PDFDocument, ref: unknown) => {
  const stream = doc.context.lookup(ref as PDFRef)
  return stream instanceof PDFRawStream
    ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())
    : ''
}

/** A font's ToUnicode map: glyph code (hex) → the characters it stands for. */
function toUnicodeOf(doc: PDFDocument, font: PDFDict) {
  const map = new Map<string, string>()
  const ref = font.get(PDFName.of('ToUnicode'))
  if (!ref) return null
  const cmap = streamText(doc, ref)
  const decodeHex = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)))
  // pdf-lib writes one bfchar line per glyph: <glyph id> <UTF-16 code units>.
  const chars = cmap.slice(cmap.indexOf('beginbfchar'), cmap.indexOf('endbfchar'))
  for (const [, from, to] of chars.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>/g)) {
    map.set(from.toUpperCase(), decodeHex(to))
  }
  return map
}

/**
 * The text drawn with the embedded (Noto) fonts, read back through their ToUnicode maps as
 * a PDF reader's copy and search would: one string per drawing operation, in glyph order.
 */
function embeddedText(page: PDFPage) {
  const doc = page.doc
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict)
  const maps = new Map<string, Map<string, string> | null>()
  for (const [name, ref] of fonts.entries()) {
    maps.set(name.asString(), toUnicodeOf(doc, doc.context.lookup(ref, PDFDict)))
  }
  const contents = page.node.Contents()!
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents]
  const runs: string[][] = []
  for (const stream of streams) {
    let current: Map<string, string> | null = null
    for (const [, font, hex] of streamText(doc, stream).matchAll(
      /(\/[\w-]+) [\d.]+ Tf|<([0-9A-F]*)> Tj/g
    )) {
      if (font) current = maps.get(font) ?? null
      else if (current) {
        runs.push((hex.match(/.{4}/g) ?? []).map((code) => current!.get(code) ?? '?'))
      }
    }
  }
  return runs
}

async function firstPage(facts: CertificateFacts, locale: string) {
  const bytes = await renderCertificate(facts, i18nManager.locale(locale))
  const pdf = await PDFDocument.load(bytes)
  return pdf.getPage(0)
}

/**
 * Arabic runs are drawn in visual order (right to left): their glyphs are read back in
 * logical order (a lam-alef ligature is one glyph standing for two letters).
 */
const logical = (glyphs: string[]) => [...glyphs].reverse().join('')

test.group('Certificate PDF', () => {
  test('an Arabic certificate carries the Arabic name, readable from the embedded font', async ({
    assert,
  }) => {
    const name = 'أمينة الإدريسي'
    const page = await firstPage(
      { ...FACTS, traineeName: name, courseTitle: 'التعلم الآلي التطبيقي' },
      'ar'
    )
    const runs = embeddedText(page).map(logical)
    // Shaping turns letters into joined forms; ToUnicode maps each back to its letter.
    const text = runs.join(' ')
    for (const word of name.split(' ')) assert.include(text, word)
    assert.include(text, 'التعلم')
    assert.include(text, i18nManager.locale('ar').t('certificates.pdf.title').split(' ')[0])
  })

  test('an Amazigh certificate carries the Tifinagh name, readable from the embedded font', async ({
    assert,
  }) => {
    const name = 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⵣⵔⵓⵢ'
    const page = await firstPage({ ...FACTS, traineeName: name }, 'zgh')
    const text = embeddedText(page)
      .map((glyphs) => glyphs.join(''))
      .join(' ')
    for (const word of name.split(' ')) assert.include(text, word)
  })

  test('the certificate states the verification code and its public address', async ({
    assert,
  }) => {
    const bytes = await renderCertificate(FACTS, i18nManager.locale('fr'))
    const pdf = await PDFDocument.load(bytes)
    assert.equal(pdf.getPageCount(), 1)
    assert.deepEqual(pdf.getKeywords(), groupCode(FACTS.code))
    const page = pdf.getPage(0)
    const raw = streamText(
      pdf,
      (page.node.Contents() as PDFArray | PDFRef) instanceof PDFArray
        ? (page.node.Contents() as PDFArray).get(0)
        : page.node.Contents()
    )
    const hexRuns = [...raw.matchAll(/<([0-9A-F]*)> Tj/g)].map(([, hex]) =>
      Buffer.from(hex, 'hex').toString('latin1')
    )
    const text = hexRuns.join(' ')
    assert.include(text, '7KQ2-M9XD-4HPT-B6WN')
    assert.include(text, '/verify/7KQ2-M9XD-4HPT-B6WN')
    assert.include(text, 'Amina El Idrissi')
    assert.include(text, '120 heures')
  })
})
