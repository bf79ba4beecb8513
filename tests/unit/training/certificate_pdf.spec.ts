import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import { PDFArray, PDFDocument, type PDFRef } from 'pdf-lib'
import { embeddedText, streamText } from '#tests/helpers/pdf_text'
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
