import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type RGB,
} from 'pdf-lib'
import { mirrorBrackets, visualRuns, type TextDirection } from '#core/pdf/bidi'
import type { DocumentFonts, Face, FaceSegment, FontWeight } from '#core/pdf/fonts'

export interface TextStyle {
  size: number
  weight: FontWeight
  color: RGB
}

/** A piece of a line, ready to draw: its text is in the order pdf-lib must receive it. */
export interface PlacedPiece {
  text: string
  face: Face
  font: PDFFont
  width: number
}

export interface LaidOutLine {
  /** Pieces from left to right. */
  pieces: PlacedPiece[]
  width: number
}

/** A laid-out line without the document's fonts: the same in every document. */
interface CachedLine {
  pieces: Array<Omit<PlacedPiece, 'font'>>
  width: number
}

/**
 * Wrapped paragraphs by direction, weight, size, width and text, for the process: labels
 * and headings come back in every document, and their bidi, segmentation, shaping and
 * measuring took a quarter of an Arabic document's time.
 */
const wrappedParagraphs = new Map<string, CachedLine[]>()
const WRAPPED_PARAGRAPHS_KEPT = 4096

/** Outline width of synthetic bold, as a share of the font size. */
const SYNTHETIC_BOLD_STROKE = 0.035

function reversed(text: string) {
  return [...text].reverse().join('')
}

/** Lays text out in the document's direction: measuring, wrapping and ordering lines. */
export class TextLayout {
  readonly #fonts: DocumentFonts
  readonly direction: TextDirection

  constructor(fonts: DocumentFonts, direction: TextDirection) {
    this.#fonts = fonts
    this.direction = direction
  }

  #place(segment: FaceSegment, size: number): PlacedPiece {
    const font = this.#fonts.fontOf(segment.face)
    const width = this.#fonts.library.widthOf(segment, font, size)
    return { text: segment.text, face: segment.face, font, width }
  }

  /** Width of text in reading order (shaping does not depend on display order). */
  measure(text: string, style: TextStyle, latinFamily = this.#fonts.library.latinFamilyFor(text)) {
    return this.#fonts.library
      .segment(text, style.weight, latinFamily)
      .reduce((total, segment) => total + this.#place(segment, style.size).width, 0)
  }

  /**
   * One line in display order: runs of one direction from left to right; inside a
   * right-to-left run, pieces from right to left, Arabic handed to the shaper in reading
   * order (it returns glyphs in display order), anything else reversed here.
   */
  line(
    text: string,
    style: TextStyle,
    latinFamily = this.#fonts.library.latinFamilyFor(text)
  ): LaidOutLine {
    const library = this.#fonts.library
    const pieces: PlacedPiece[] = []
    for (const run of visualRuns(text, this.direction)) {
      const segments = library.segment(
        run.rtl ? mirrorBrackets(run.text) : run.text,
        style.weight,
        latinFamily
      )
      if (run.rtl) {
        segments.reverse()
        for (const segment of segments) {
          if (!library.shapesRightToLeft(segment)) segment.text = reversed(segment.text)
        }
      }
      pieces.push(...segments.map((segment) => this.#place(segment, style.size)))
    }
    return { pieces, width: pieces.reduce((total, piece) => total + piece.width, 0) }
  }

  /**
   * Breaks a paragraph into lines no wider than `maxWidth`: at spaces, and inside a word
   * only when the word alone is too wide (a fingerprint, a long address). Line breaks in
   * the text are kept.
   */
  wrap(text: string, style: TextStyle, maxWidth: number): LaidOutLine[] {
    const key = `${this.direction}|${style.weight}|${style.size}|${maxWidth}|${text}`
    let lines = wrappedParagraphs.get(key)
    if (lines) {
      wrappedParagraphs.delete(key)
    } else {
      lines = this.#wrap(text, style, maxWidth).map(({ pieces, width }) => ({
        pieces: pieces.map(({ text: pieceText, face, width: pieceWidth }) => ({
          text: pieceText,
          face,
          width: pieceWidth,
        })),
        width,
      }))
      if (wrappedParagraphs.size >= WRAPPED_PARAGRAPHS_KEPT) {
        wrappedParagraphs.delete(wrappedParagraphs.keys().next().value!)
      }
    }
    wrappedParagraphs.set(key, lines)
    return lines.map(({ pieces, width }) => ({
      pieces: pieces.map((piece) => ({ ...piece, font: this.#fonts.fontOf(piece.face) })),
      width,
    }))
  }

  #wrap(text: string, style: TextStyle, maxWidth: number): LaidOutLine[] {
    const latinFamily = this.#fonts.library.latinFamilyFor(text)
    if (!text.includes('\n')) {
      // Most texts fit on one line: measured once, laid out once.
      const line = this.line(text, style, latinFamily)
      if (line.width <= maxWidth) return [line]
    }
    const lines: string[] = []
    for (const paragraph of text.split('\n')) {
      let line = ''
      let lineWidth = 0
      for (const word of paragraph.split(' ').filter(Boolean)) {
        const spaceWidth = line === '' ? 0 : this.measure(' ', style, latinFamily)
        const wordWidth = this.measure(word, style, latinFamily)
        if (line !== '' && lineWidth + spaceWidth + wordWidth <= maxWidth) {
          line += ` ${word}`
          lineWidth += spaceWidth + wordWidth
          continue
        }
        if (line !== '') lines.push(line)
        if (wordWidth <= maxWidth) {
          line = word
          lineWidth = wordWidth
          continue
        }
        const pieces = this.#breakWord(word, style, maxWidth, latinFamily)
        lines.push(...pieces.slice(0, -1))
        line = pieces.at(-1)!
        lineWidth = this.measure(line, style, latinFamily)
      }
      lines.push(line)
    }
    return lines.map((line) => this.line(line, style, latinFamily))
  }

  #breakWord(
    word: string,
    style: TextStyle,
    maxWidth: number,
    latinFamily: 'latin' | 'latinExtended'
  ) {
    const pieces: string[] = []
    let piece = ''
    for (const char of word) {
      if (piece !== '' && this.measure(piece + char, style, latinFamily) > maxWidth) {
        pieces.push(piece)
        piece = ''
      }
      piece += char
    }
    pieces.push(piece)
    return pieces
  }

  /** Where a line starts so that it sits against the reading side of [left, right]. */
  startOf(line: LaidOutLine, left: number, right: number) {
    return this.direction === 'rtl' ? right - line.width : left
  }

  /**
   * Draws a line as one text object. pdf-lib's drawText would add a font resource to the
   * page on every call; here each font gets one key per page.
   */
  draw(page: PDFPage, line: LaidOutLine, x: number, y: number, style: TextStyle) {
    const operators: PDFOperator[] = [
      pushGraphicsState(),
      beginText(),
      setFillingColor(style.color),
    ]
    let cursor = x
    for (const piece of line.pieces) {
      if (piece.face.syntheticBold) {
        operators.push(
          setTextRenderingMode(TextRenderingMode.FillAndOutline),
          setLineWidth(style.size * SYNTHETIC_BOLD_STROKE),
          setStrokingColor(style.color)
        )
      }
      operators.push(
        setFontAndSize(this.#fontKey(page, piece.font), style.size),
        setTextMatrix(1, 0, 0, 1, cursor, y),
        showText(piece.font.encodeText(piece.text))
      )
      if (piece.face.syntheticBold) operators.push(setTextRenderingMode(TextRenderingMode.Fill))
      cursor += piece.width
    }
    operators.push(endText(), popGraphicsState())
    page.pushOperators(...operators)
  }

  readonly #fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>()

  #fontKey(page: PDFPage, font: PDFFont) {
    let keys = this.#fontKeys.get(page)
    if (!keys) {
      keys = new Map()
      this.#fontKeys.set(page, keys)
    }
    let key = keys.get(font)
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref)
      keys.set(font, key)
    }
    return key
  }
}
