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
  PDFString,
  ReadingDirection,
  type PDFPage,
} from 'pdf-lib'
import { renderApplicationReceipt, type ApplicationReceipt } from '#applications/receipt_pdf'
import { formatCasablanca } from '#core/casablanca_time'
import { intlTagOf, LOCALES } from '#core/i18n/locales'

function receiptFor(overrides: Partial<ApplicationReceipt> = {}): ApplicationReceipt {
  return {
    reference: 'SM-2026-000123',
    programmeTitle: 'Startup Maroc — Amorçage',
    callTitle: 'Appel à projets 2026',
    applicantName: 'Amina El Idrissi',
    applicantEmail: 'amina.el-idrissi@example.ma',
    organizationName: 'Atlas Robotics SARL',
    // Summer: Casablanca is UTC+1, so 10:00 UTC is 11:00 on the receipt.
    submittedAt: DateTime.fromISO('2026-06-15T10:00:00Z'),
    formVersion: 3,
    answersFingerprint: '3f2a9c1b7e4d5a6b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d',
    documents: [{ label: 'Pitch deck', originalName: 'pitch-deck.pdf', sizeBytes: 2_516_582 }],
    ...overrides,
  }
}

/** Localized titles, as the submission would pass them. */
const LOCALIZED: Record<string, Partial<ApplicationReceipt>> = {
  fr: {},
  en: { programmeTitle: 'Startup Morocco — Seed', callTitle: 'Call for projects 2026' },
  ar: { programmeTitle: 'ستارت أب المغرب — مرحلة الانطلاق', callTitle: 'طلب مشاريع 2026' },
  zgh: { programmeTitle: 'ⵙⵜⴰⵔⵜⴰⴱ ⵍⵎⵖⵔⵉⴱ', callTitle: 'ⴰⵖⵔⵓⵔ ⵏ ⵉⵙⵏⴼⴰⵔⵏ 2026' },
}

async function render(locale: string, overrides: Partial<ApplicationReceipt> = {}) {
  const bytes = await renderApplicationReceipt(
    receiptFor({ ...LOCALIZED[locale], ...overrides }),
    i18nManager.locale(locale)
  )
  return PDFDocument.load(bytes, { updateMetadata: false })
}

async function firstPage(locale: string, overrides: Partial<ApplicationReceipt> = {}) {
  const pdf = await render(locale, overrides)
  return pdf.getPage(0)
}

/** Each font of the page: its name and whether its file is embedded in the PDF. */
function fontsOf(page: PDFPage) {
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict)
  return fonts.values().map((ref) => {
    const font = page.doc.context.lookup(ref, PDFDict)
    const name = font.lookup(PDFName.of('BaseFont'), PDFName).decodeText()
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)
    const descriptor = descendants?.lookup(0, PDFDict).lookup(PDFName.of('FontDescriptor'), PDFDict)
    return { name, embedded: descriptor?.has(PDFName.of('FontFile2')) ?? false }
  })
}

/** Text drawn with the standard (WinAnsi) fonts, in drawing order, spaces normalized. */
function standardFontText(page: PDFPage) {
  const contents = page.node.Contents()!
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents]
  const decoder = new TextDecoder('windows-1252')
  const pieces: string[] = []
  for (const stream of streams) {
    const raw = page.doc.context.lookup(stream)
    if (!(raw instanceof PDFRawStream)) continue
    const operators = new TextDecoder('latin1').decode(decodePDFRawStream(raw).decode())
    for (const [, hex] of operators.matchAll(/<([0-9A-F]*)> Tj/g)) {
      const bytes = (hex.match(/../g) ?? []).map((byte) => Number.parseInt(byte, 16))
      pieces.push(decoder.decode(new Uint8Array(bytes)))
    }
  }
  return pieces.join(' ').replace(/[\s\u00a0]+/g, ' ')
}

const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ')

test.group('Application receipt PDF', () => {
  for (const locale of LOCALES) {
    test(`the ${locale} receipt is one page, titled and tagged with its language`, async ({
      assert,
    }) => {
      const pdf = await render(locale)
      const i18n = i18nManager.locale(locale)

      assert.equal(pdf.getPageCount(), 1)
      assert.equal(
        pdf.getTitle(),
        i18n.t('receipts.document_title', { reference: 'SM-2026-000123' })
      )
      assert.equal(pdf.getProducer(), 'Manassa')
      assert.equal(
        pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(),
        intlTagOf(locale)
      )
    })
  }

  test('the Arabic receipt embeds the Arabic fonts and reads right to left', async ({ assert }) => {
    const pdf = await render('ar')
    const fonts = fontsOf(pdf.getPage(0))
    const arabic = fonts.filter((font) => font.name.includes('NotoSansArabic'))

    assert.sameMembers(
      arabic.map((font) => font.name.replace(/^.*\+|-\d+$/g, '')),
      ['NotoSansArabic-Regular', 'NotoSansArabic-Bold']
    )
    assert.isTrue(arabic.every((font) => font.embedded))
    assert.isFalse(fonts.some((font) => font.name.includes('Tifinagh')))
    assert.equal(pdf.catalog.getViewerPreferences()?.getReadingDirection(), ReadingDirection.R2L)
  })

  test('the Amazigh receipt embeds the Tifinagh font', async ({ assert }) => {
    const fonts = fontsOf(await firstPage('zgh'))
    const tifinagh = fonts.filter((font) => font.name.includes('NotoSansTifinagh'))

    assert.lengthOf(tifinagh, 1)
    assert.isTrue(tifinagh[0].embedded)
    assert.isFalse(fonts.some((font) => font.name.includes('Arabic')))
  })

  test('the French receipt needs no embedded font', async ({ assert }) => {
    const fonts = fontsOf(await firstPage('fr'))
    assert.sameMembers(
      fonts.map((font) => font.name),
      ['Helvetica', 'Helvetica-Bold']
    )
  })

  test('an Arabic name on a French receipt brings the Arabic font with it', async ({ assert }) => {
    const fonts = fontsOf(await firstPage('fr', { applicantName: 'أمينة الإدريسي' }))
    assert.isTrue(
      fonts.some((font) => font.name.includes('NotoSansArabic-Regular') && font.embedded)
    )
  })

  test('a Latin name Helvetica cannot write is set in the embedded Noto Sans', async ({
    assert,
  }) => {
    const fonts = fontsOf(await firstPage('fr', { applicantName: 'Amina Aɣbalu' }))
    assert.isTrue(fonts.some((font) => font.name.includes('NotoSans-Regular') && font.embedded))
  })

  test('the receipt states what was submitted, when (Casablanca time) and by whom', async ({
    assert,
  }) => {
    const receipt = receiptFor()
    const text = standardFontText(await firstPage('fr'))
    const t = (key: string) => plain(i18nManager.locale('fr').t(`receipts.${key}`))

    for (const expected of [
      t('kingdom'),
      t('title'),
      receipt.reference,
      receipt.callTitle,
      receipt.programmeTitle,
      receipt.applicantName,
      receipt.applicantEmail,
      t('organization'),
      receipt.organizationName!,
      plain(formatCasablanca(receipt.submittedAt, 'fr')),
      'pitch-deck.pdf (2,4 Mo)',
      '3f2a9c1b 7e4d5a6b 8c9d0e1f 2a3b4c5d 6e7f8091 a2b3c4d5 e6f70819 2a3b4c5d',
      t('proof'),
    ]) {
      assert.include(text, expected)
    }
    assert.include(text, '11:00')
  })

  test('an application without organization or documents says so', async ({ assert }) => {
    const text = standardFontText(await firstPage('fr', { organizationName: null, documents: [] }))
    const t = (key: string) => i18nManager.locale('fr').t(`receipts.${key}`)

    assert.notInclude(text, t('organization'))
    assert.include(text, t('no_documents'))
  })

  // Issue 14 reported "S M-2026-000002" on an Arabic receipt. Rendered to PNG (pdftoppm)
  // and extracted (pdftotext -layout and -raw), the receipt reads the reference whole:
  // each Latin run is one Tj of the standard font, so no reader can split it.
  test('the Arabic receipt draws each Latin run in one piece: reference, email, footer', async ({
    assert,
  }) => {
    const reference = 'SM-2026-000002'
    const text = standardFontText(
      await firstPage('ar', { reference, applicantEmail: 'founder@manassa.test' })
    )

    assert.include(text, reference)
    assert.include(text, 'founder@manassa.test')
    // The footer "Manassa — SM-2026-000002 — <Arabic date>": one left-to-right run.
    assert.include(text, `Manassa \u2014 ${reference}`)
    assert.notMatch(text, /S M-2026|SM -2026|SM- 2026/)
  })

  test('every locale has the same receipt messages', async ({ assert }) => {
    const keysOf = (locale: string) =>
      Object.keys(i18nManager.getTranslationsFor(locale))
        .filter((key) => key.startsWith('receipts.'))
        .sort()
    const french = keysOf('fr')
    assert.isAbove(french.length, 10)
    for (const locale of LOCALES) assert.deepEqual(keysOf(locale), french, locale)
  })
})
