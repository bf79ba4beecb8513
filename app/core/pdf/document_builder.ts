import { deflateSync } from 'node:zlib'
import {
  PDFContentStream,
  PDFDocument,
  PDFRawStream,
  rgb,
  ReadingDirection,
  type PDFPage,
  type RGB,
} from 'pdf-lib'
import { directionOf, intlTagOf } from '#core/i18n/locales'
import type { TextDirection } from '#core/pdf/bidi'
import { DocumentFonts, fontLibrary, type Face, type FontWeight } from '#core/pdf/fonts'
import { TextLayout, type LaidOutLine, type TextStyle } from '#core/pdf/text_layout'

/**
 * A small document kit over pdf-lib: paragraphs, a title, key–value tables and rules, in
 * the reader's language and direction. Calls only record the content; `toBytes()` embeds
 * the fonts the content needs, lays it out on A4 pages (right-aligned in Arabic) and saves.
 */

export const PDF_COLORS = {
  ink: rgb(0.11, 0.12, 0.14),
  muted: rgb(0.39, 0.41, 0.45),
  /** The red of the Moroccan flag. */
  accent: rgb(0.76, 0.15, 0.18),
  line: rgb(0.84, 0.85, 0.87),
}

export const PDF_PRODUCER = 'Manassa'

const PAGE_SIZE: [number, number] = [595.28, 841.89] // A4, in points
const MARGIN = 56
const FOOTER_SIZE = 8
const LINE_HEIGHT = 1.45 // Arabic needs the room above and below
const CELL_PADDING = 5
const LABEL_SHARE = 0.34
const COLUMN_GAP = 14

export interface TextOptions {
  size?: number
  weight?: FontWeight
  color?: RGB
  spaceAfter?: number
}

export interface KeyValueRow {
  label: string
  value: string
}

export interface PdfMetadata {
  /** The reader's locale: language of the document and direction of its lines. */
  locale: string
  title: string
  subject?: string
  keywords?: string[]
}

type Block =
  | { kind: 'text'; text: string; style: TextStyle; spaceAfter: number }
  | { kind: 'rows'; rows: KeyValueRow[]; label: TextStyle; value: TextStyle; spaceAfter: number }
  | { kind: 'rule'; color: RGB; thickness: number; spaceAfter: number }
  | { kind: 'space'; height: number }

const lineHeightOf = (style: TextStyle) => style.size * LINE_HEIGHT

export class PdfDocumentBuilder {
  readonly #metadata: PdfMetadata
  readonly #blocks: Block[] = []
  #footer: string | null = null
  readonly direction: TextDirection

  constructor(metadata: PdfMetadata) {
    this.#metadata = metadata
    this.direction = directionOf(metadata.locale)
  }

  text(text: string, options: TextOptions = {}) {
    const style = {
      size: options.size ?? 10,
      weight: options.weight ?? 'regular',
      color: options.color ?? PDF_COLORS.ink,
    }
    this.#blocks.push({
      kind: 'text',
      text,
      style,
      spaceAfter: options.spaceAfter ?? style.size * 0.6,
    })
    return this
  }

  title(text: string) {
    return this.text(text, { size: 20, weight: 'bold', spaceAfter: 10 })
  }

  heading(text: string) {
    return this.text(text, { size: 12, weight: 'bold', spaceAfter: 4 })
  }

  /** A two-column table, labels on the reading side. */
  keyValues(rows: KeyValueRow[], options: { spaceAfter?: number } = {}) {
    this.#blocks.push({
      kind: 'rows',
      rows,
      label: { size: 9, weight: 'regular', color: PDF_COLORS.muted },
      value: { size: 10, weight: 'regular', color: PDF_COLORS.ink },
      spaceAfter: options.spaceAfter ?? 12,
    })
    return this
  }

  rule(options: { color?: RGB; thickness?: number; spaceAfter?: number } = {}) {
    this.#blocks.push({
      kind: 'rule',
      color: options.color ?? PDF_COLORS.line,
      thickness: options.thickness ?? 0.75,
      spaceAfter: options.spaceAfter ?? 10,
    })
    return this
  }

  space(height: number) {
    this.#blocks.push({ kind: 'space', height })
    return this
  }

  /** A line at the foot of every page. */
  footer(text: string) {
    this.#footer = text
    return this
  }

  #texts(): Array<{ text: string; weight: FontWeight }> {
    const texts: Array<{ text: string; weight: FontWeight }> =
      this.#footer === null ? [] : [{ text: this.#footer, weight: 'regular' }]
    for (const block of this.#blocks) {
      if (block.kind === 'text') texts.push({ text: block.text, weight: block.style.weight })
      if (block.kind === 'rows') {
        for (const row of block.rows) {
          texts.push(
            { text: row.label, weight: block.label.weight },
            { text: row.value, weight: block.value.weight }
          )
        }
      }
    }
    return texts
  }

  async toBytes(): Promise<Uint8Array> {
    const library = await fontLibrary()
    const doc = await PDFDocument.create()
    const fonts = new DocumentFonts(doc, library)
    const faces = new Map<string, Face>()
    const texts = this.#texts()
    for (const { text, weight } of texts) {
      for (const face of library.facesFor(text, weight)) faces.set(face.key, face)
    }
    await fonts.embed(faces.values())
    fonts.prepareSubsets(texts)

    this.#describe(doc)
    new PageComposer(doc, new TextLayout(fonts, this.direction), this.#footer).compose(this.#blocks)
    compressPageContents(doc)
    // Object streams would save a few hundred bytes on a one-page document and cost about a
    // third of its rendering time (pdf-lib compresses them in JavaScript).
    return doc.save({ useObjectStreams: false })
  }

  #describe(doc: PDFDocument) {
    const { title, subject, keywords, locale } = this.#metadata
    doc.setTitle(title, { showInWindowTitleBar: true })
    doc.setLanguage(intlTagOf(locale))
    doc.setProducer(PDF_PRODUCER)
    doc.setCreator(PDF_PRODUCER)
    doc.setAuthor(PDF_PRODUCER)
    if (subject) doc.setSubject(subject)
    if (keywords) doc.setKeywords(keywords)
    if (this.direction === 'rtl') {
      doc.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L)
    }
  }
}

/**
 * pdf-lib compresses page contents with pako (JavaScript) when saving, a fifth of a
 * document's time; node's zlib writes the same FlateDecode stream natively.
 */
function compressPageContents(doc: PDFDocument) {
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue
    // The dictionary already says /Filter /FlateDecode; /Length is written on save.
    doc.context.assign(
      ref,
      PDFRawStream.of(object.dict, deflateSync(object.getUnencodedContents()))
    )
  }
}

/** Places blocks on pages, top to bottom, starting a new page when one is full. */
class PageComposer {
  readonly #doc: PDFDocument
  readonly #layout: TextLayout
  readonly #footer: string | null
  #page!: PDFPage
  #y = 0
  readonly #left = MARGIN
  readonly #right = PAGE_SIZE[0] - MARGIN
  readonly #bottom = MARGIN + FOOTER_SIZE * 3

  constructor(doc: PDFDocument, layout: TextLayout, footer: string | null) {
    this.#doc = doc
    this.#layout = layout
    this.#footer = footer
  }

  compose(blocks: Block[]) {
    this.#newPage()
    for (const block of blocks) {
      if (block.kind === 'space') this.#y -= block.height
      if (block.kind === 'rule') this.#rule(block)
      if (block.kind === 'text') this.#text(block)
      if (block.kind === 'rows') this.#rows(block)
    }
  }

  #newPage() {
    this.#page = this.#doc.addPage(PAGE_SIZE)
    this.#y = PAGE_SIZE[1] - MARGIN
    if (this.#footer !== null) {
      const style = { size: FOOTER_SIZE, weight: 'regular' as const, color: PDF_COLORS.muted }
      const width = this.#right - this.#left
      let y = MARGIN
      for (const line of this.#layout.wrap(this.#footer, style, width).reverse()) {
        this.#layout.draw(
          this.#page,
          line,
          this.#layout.startOf(line, this.#left, this.#right),
          y,
          style
        )
        y += lineHeightOf(style)
      }
    }
  }

  #ensureRoom(height: number) {
    if (this.#y - height < this.#bottom) this.#newPage()
  }

  /** Draws lines from the current top, against the reading side of [left, right]. */
  #drawLines(lines: LaidOutLine[], style: TextStyle, top: number, left: number, right: number) {
    lines.forEach((line, i) => {
      const baseline = top - style.size - i * lineHeightOf(style)
      this.#layout.draw(this.#page, line, this.#layout.startOf(line, left, right), baseline, style)
    })
  }

  #text(block: Extract<Block, { kind: 'text' }>) {
    for (const line of this.#layout.wrap(block.text, block.style, this.#right - this.#left)) {
      this.#ensureRoom(lineHeightOf(block.style))
      this.#drawLines([line], block.style, this.#y, this.#left, this.#right)
      this.#y -= lineHeightOf(block.style)
    }
    this.#y -= block.spaceAfter
  }

  #rule(block: Extract<Block, { kind: 'rule' }>) {
    this.#ensureRoom(block.thickness)
    this.#page.drawLine({
      start: { x: this.#left, y: this.#y },
      end: { x: this.#right, y: this.#y },
      thickness: block.thickness,
      color: block.color,
    })
    this.#y -= block.thickness + block.spaceAfter
  }

  #rows(block: Extract<Block, { kind: 'rows' }>) {
    const width = this.#right - this.#left
    const labelWidth = width * LABEL_SHARE
    const valueWidth = width - labelWidth - COLUMN_GAP
    // Labels on the reading side: left in French, right in Arabic.
    const rtl = this.#layout.direction === 'rtl'
    const labelLeft = rtl ? this.#right - labelWidth : this.#left
    const valueLeft = rtl ? this.#left : this.#left + labelWidth + COLUMN_GAP

    for (const row of block.rows) {
      const labels = this.#layout.wrap(row.label, block.label, labelWidth)
      const values = this.#layout.wrap(row.value, block.value, valueWidth)
      const height =
        Math.max(
          labels.length * lineHeightOf(block.label),
          values.length * lineHeightOf(block.value)
        ) +
        2 * CELL_PADDING
      this.#ensureRoom(height)
      // Label and value share the first baseline.
      const top = this.#y - CELL_PADDING
      const labelTop = top - (block.value.size - block.label.size)
      this.#drawLines(labels, block.label, labelTop, labelLeft, labelLeft + labelWidth)
      this.#drawLines(values, block.value, top, valueLeft, valueLeft + valueWidth)
      this.#y -= height
      this.#page.drawLine({
        start: { x: this.#left, y: this.#y },
        end: { x: this.#right, y: this.#y },
        thickness: 0.5,
        color: PDF_COLORS.line,
      })
    }
    this.#y -= block.spaceAfter
  }
}
