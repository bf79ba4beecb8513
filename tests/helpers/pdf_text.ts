import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib'

/**
 * Reading back the text a PDF draws, as a reader's copy and search would, without a PDF
 * library of our own: the documents are made with pdf-lib, which writes one `<hex> Tj` per
 * run, Helvetica (WinAnsi) for plain Latin text, embedded Noto fonts with a ToUnicode map
 * for the rest.
 */
export function streamText(doc: PDFDocument, ref: unknown) {
  const stream = doc.context.lookup(ref as PDFRef)
  return stream instanceof PDFRawStream
    ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())
    : ''
}

/** A font's ToUnicode map: glyph code (hex) → the characters it stands for; null for a standard font. */
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

const winAnsi = new TextDecoder('windows-1252')

/**
 * The runs a page draws, one list of characters per drawing operation, in glyph order
 * (Arabic runs are in visual order: reverse them to read them).
 */
export function textRuns(page: PDFPage, options: { standardFonts?: boolean } = {}) {
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
      } else if (options.standardFonts) {
        runs.push([...winAnsi.decode(Buffer.from(hex, 'hex'))])
      }
    }
  }
  return runs
}

/** The text drawn with the embedded (Noto) fonts only. */
export function embeddedText(page: PDFPage) {
  return textRuns(page)
}

/** Every page's text, runs joined by spaces, no-break spaces as plain spaces. */
export async function pdfText(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes)
  return pdf
    .getPages()
    .flatMap((page) => textRuns(page, { standardFonts: true }).map((run) => run.join('')))
    .join(' ')
    .replace(/[\u00a0\u202f]/g, ' ')
}
