import { readFile } from 'node:fs/promises'
import { deflateSync } from 'node:zlib'
import fontkit from '@pdf-lib/fontkit'
import type { Font as FontkitFont, Glyph, GlyphRun } from '@pdf-lib/fontkit'
import { PDFDocument, StandardFonts, type PDFContext, type PDFFont, type PDFRef } from 'pdf-lib'

/**
 * The fonts of generated PDFs (DESIGN §8: French, Arabic and Tifinagh, fonts shipped in
 * resources/fonts under their licence).
 *
 * Latin text is set in the PDF standard Helvetica whenever Helvetica can encode it: nothing
 * to embed, the fastest documents. Arabic and Tifinagh, and Latin text Helvetica cannot
 * encode (ɣ, ḥ, ẓ in Amazigh names written in Latin letters), use Noto fonts, embedded as
 * subsets and only in the documents that need them.
 *
 * Font files are read and parsed once per process; the parsed font is shared by every
 * document (pdf-lib only reads it) and remembers the shaping of recent strings, since the
 * same labels come back in every document.
 *
 * Subsetting a font and compressing the subset took two thirds of an Arabic document's
 * time (profile in bench/profiles/pdf_receipts.md). A document's subset holds its glyphs
 * in glyph-id order (see DocumentFonts.prepareSubsets), so two documents that use the same
 * glyphs get the same font program, compressed once per process and reused (an LRU).
 */

export type FontWeight = 'regular' | 'bold'
export type FontFamily = 'latin' | 'latinExtended' | 'arabic' | 'tifinagh'

/** One face of one family, e.g. `arabic-bold`. */
export type FaceKey = `${FontFamily}-${FontWeight}`

type FaceSource = { standard: StandardFonts } | { file: string; syntheticBold?: boolean }

const FACES: Record<FaceKey, FaceSource> = {
  'latin-regular': { standard: StandardFonts.Helvetica },
  'latin-bold': { standard: StandardFonts.HelveticaBold },
  'latinExtended-regular': { file: 'NotoSans-Regular.ttf' },
  'latinExtended-bold': { file: 'NotoSans-Bold.ttf' },
  'arabic-regular': { file: 'NotoSansArabic-Regular.ttf' },
  'arabic-bold': { file: 'NotoSansArabic-Bold.ttf' },
  'tifinagh-regular': { file: 'NotoSansTifinagh-Regular.ttf' },
  // Noto has no bold Tifinagh: the regular face is drawn with a thin outline.
  'tifinagh-bold': { file: 'NotoSansTifinagh-Regular.ttf', syntheticBold: true },
}

export const FONT_DIRECTORY = new URL('../../../resources/fonts/', import.meta.url)

/**
 * pdf-lib draws each glyph at its advance width and ignores GPOS positions (kerning, mark
 * and cursive attachment), so those features are not computed: layout is ~3× faster. The
 * substitutions that matter (Arabic joining forms, lam-alef, Tifinagh ligatures) are GSUB.
 */
const SHAPING_FEATURES = { kern: false, mark: false, mkmk: false, curs: false, dist: false }
const SHAPED_STRINGS_PER_FONT = 4096
/** Compressed subsets kept per process (a few tens of kB each). */
const SUBSETS_KEPT = 128

/** The script blocks that have their own family; everything else is Latin or neutral. */
export function familyOfBlock(code: number): 'arabic' | 'tifinagh' | null {
  if (
    (code >= 0x0600 && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff)
  ) {
    return 'arabic'
  }
  if (code >= 0x2d30 && code <= 0x2d7f) return 'tifinagh'
  return null
}

/** Characters a face may lack, and the near-identical ones drawn instead. */
const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French number and unit formatting)
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2011': '-',
  '\u2212': '-',
}

const LETTER = /\p{L}/u
const FORMAT_CHARACTER = /\p{Cf}/u
/** Scripts fontkit lays out right to left (and then returns in display order). */
const SHAPED_RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u

export interface Face {
  key: FaceKey
  /** The standard font or file drawn: faces that share one are embedded once. */
  source: string
  /** Code points the face can draw. */
  coverage: ReadonlySet<number>
  standard: StandardFonts | null
  bytes: Uint8Array | null
  /** Drawn with an outline to look bold. */
  syntheticBold: boolean
}

/** A piece of text in one face, in the order it was given. */
export interface FaceSegment {
  face: Face
  text: string
}

function memoizeLayout(font: FontkitFont) {
  const layout = font.layout.bind(font)
  const shaped = new Map<string, GlyphRun>()
  font.layout = (text: string) => {
    let run = shaped.get(text)
    if (!run) {
      run = layout(text, { ...SHAPING_FEATURES })
      // Labels are a few hundred strings; names and dates churn: start afresh when full.
      if (shaped.size >= SHAPED_STRINGS_PER_FONT) shaped.clear()
      shaped.set(text, run)
    }
    return run
  }
  return font
}

/** What the fonts can do, for the whole process. */
export class FontLibrary {
  readonly #faces: Record<FaceKey, Face>
  readonly #parsed: Map<Uint8Array, FontkitFont>
  readonly #standardWidths = new Map<FaceKey, Map<string, number>>()

  /** Handed to pdf-lib: returns the fonts parsed once for the process. */
  readonly fontkit = {
    create: (bytes: Uint8Array) => this.#parsed.get(bytes) ?? fontkit.create(bytes),
  }

  constructor(faces: Record<FaceKey, Face>, parsed: Map<Uint8Array, FontkitFont>) {
    this.#faces = faces
    this.#parsed = parsed
  }

  face(family: FontFamily, weight: FontWeight) {
    return this.#faces[`${family}-${weight}`]
  }

  /**
   * The Latin family for a text: Helvetica when it can encode every character that no
   * Arabic or Tifinagh face will draw, Noto Sans otherwise (one family per text, not a
   * mix within a name).
   */
  latinFamilyFor(text: string): 'latin' | 'latinExtended' {
    const helvetica = this.#faces['latin-regular'].coverage
    for (const char of text) {
      const code = char.codePointAt(0)!
      if (familyOfBlock(code) || FORMAT_CHARACTER.test(char)) continue
      const substitute = SUBSTITUTES[char]?.codePointAt(0)
      if (!helvetica.has(code) && !(substitute && helvetica.has(substitute))) return 'latinExtended'
    }
    return 'latin'
  }

  /** The faces a text in this weight needs, whatever the line breaks and directions. */
  facesFor(text: string, weight: FontWeight): Face[] {
    const families = new Set<FontFamily>([this.latinFamilyFor(text)])
    for (const char of text) {
      const family = familyOfBlock(char.codePointAt(0)!)
      if (family) families.add(family)
    }
    return [...families].map((family) => this.face(family, weight))
  }

  /**
   * Cuts text into pieces of one face each. Arabic and Tifinagh go to their faces, letters
   * to the Latin face; spaces, digits and punctuation stay in the face of the piece they
   * follow when it has them (so an Arabic phrase is shaped in one piece), otherwise Latin.
   * Invisible format characters a face lacks are dropped.
   */
  segment(text: string, weight: FontWeight, latinFamily: 'latin' | 'latinExtended'): FaceSegment[] {
    const latin = this.face(latinFamily, weight)
    const segments: FaceSegment[] = []
    let current: FaceSegment | undefined
    for (let char of text) {
      const code = char.codePointAt(0)!
      const family = familyOfBlock(code)
      let face: Face
      if (family) face = this.face(family, weight)
      else if (LETTER.test(char)) face = latin
      else if (current?.face.coverage.has(code)) face = current.face
      else face = latin

      if (!face.coverage.has(code)) {
        if (FORMAT_CHARACTER.test(char)) continue
        const substitute = SUBSTITUTES[char]
        if (substitute && face.coverage.has(substitute.codePointAt(0)!)) char = substitute
        // Helvetica cannot encode it (latinFamilyFor avoids this): never fail a document for it.
        else if (face.standard) char = '?'
      }
      if (current?.face === face) {
        current.text += char
      } else {
        current = { face, text: char }
        segments.push(current)
      }
    }
    return segments
  }

  readonly #baseGlyphs = new Map<FaceKey, { sorted: Glyph[]; byId: Map<number, Glyph> }>()
  readonly #glyphsOfText = new Map<string, Array<{ face: Face; glyphs: Glyph[] }>>()

  /** The glyphs every subset of an embedded face holds (see baseTextOf), by glyph id. */
  baseGlyphsOf(face: Face) {
    let base = this.#baseGlyphs.get(face.key)
    if (!base) {
      const family = face.key.slice(0, face.key.lastIndexOf('-')) as FontFamily
      const text = [...baseTextOf(family)]
        .filter((char) => face.coverage.has(char.codePointAt(0)!))
        .join('')
      const byId = new Map(
        this.#parsed
          .get(face.bytes!)!
          .layout(text)
          .glyphs.filter((glyph) => glyph.id !== 0)
          .map((glyph) => [glyph.id, glyph])
      )
      base = { sorted: [...byId.values()].sort((a, b) => a.id - b.id), byId }
      this.#baseGlyphs.set(face.key, base)
    }
    return base
  }

  /** The glyphs of the embedded faces a text in this weight is drawn with. */
  glyphsOf(text: string, weight: FontWeight) {
    const key = `${weight}|${text}`
    let glyphs = this.#glyphsOfText.get(key)
    if (!glyphs) {
      glyphs = this.segment(text, weight, this.latinFamilyFor(text))
        .filter((segment) => !segment.face.standard)
        .map(({ face, text: piece }) => ({
          face,
          glyphs: this.#parsed.get(face.bytes!)!.layout(piece).glyphs,
        }))
      if (this.#glyphsOfText.size >= SHAPED_STRINGS_PER_FONT) this.#glyphsOfText.clear()
      this.#glyphsOfText.set(key, glyphs)
    }
    return glyphs
  }

  /** Whether the shaper already returns this text in display order (Arabic is shaped RTL). */
  shapesRightToLeft(segment: FaceSegment) {
    return segment.face.standard === null && SHAPED_RIGHT_TO_LEFT.test(segment.text)
  }

  /**
   * Width of a piece as pdf-lib will draw it. For standard fonts pdf-lib's own measure adds
   * kerning that its drawing does not apply, so glyph widths are summed instead.
   */
  widthOf(segment: FaceSegment, font: PDFFont, size: number) {
    if (!segment.face.standard) return font.widthOfTextAtSize(segment.text, size)
    let widths = this.#standardWidths.get(segment.face.key)
    if (!widths) {
      widths = new Map()
      this.#standardWidths.set(segment.face.key, widths)
    }
    let total = 0
    for (const char of segment.text) {
      let width = widths.get(char)
      if (width === undefined) {
        width = font.widthOfTextAtSize(char, 1)
        widths.set(char, width)
      }
      total += width
    }
    return total * size
  }
}

async function loadFace(
  key: FaceKey,
  parsed: Map<Uint8Array, FontkitFont>,
  files: Map<string, Uint8Array>
): Promise<Face> {
  const source = FACES[key]
  if ('standard' in source) {
    // pdf-lib knows which characters the standard font's encoding (WinAnsi) holds.
    const scratch = await PDFDocument.create()
    const coverage = new Set(scratch.embedStandardFont(source.standard).getCharacterSet())
    return {
      key,
      source: source.standard,
      coverage,
      standard: source.standard,
      bytes: null,
      syntheticBold: false,
    }
  }
  let bytes = files.get(source.file)
  if (!bytes) {
    bytes = new Uint8Array(await readFile(new URL(source.file, FONT_DIRECTORY)))
    files.set(source.file, bytes)
    parsed.set(bytes, memoizeLayout(fontkit.create(bytes)))
  }
  const coverage = new Set(parsed.get(bytes)!.characterSet)
  return {
    key,
    source: source.file,
    coverage,
    standard: null,
    bytes,
    syntheticBold: source.syntheticBold ?? false,
  }
}

/**
 * What every subset of a face holds, used or not: digits, punctuation and, for Arabic and
 * Tifinagh, every letter in every joining form. Dates, amounts and names then change a
 * document's subset only when they bring a rare letter, so nearly every document of a
 * language reuses one compressed subset (a few kB more per document).
 */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')
const TATWEEL = '\u0640'

function baseTextOf(family: FontFamily) {
  if (family === 'tifinagh') {
    return (
      ASCII.replace(/[A-Za-z]/g, '') +
      Array.from({ length: 0x50 }, (_, i) => String.fromCodePoint(0x2d30 + i)).join('')
    )
  }
  if (family === 'arabic') {
    const letters = Array.from({ length: 0x064a - 0x0621 + 1 }, (_, i) =>
      String.fromCodePoint(0x0621 + i)
    )
    const forms = letters.flatMap((letter) => [
      letter,
      `${TATWEEL}${letter}`,
      `${letter}${TATWEEL}`,
      `${TATWEEL}${letter}${TATWEEL}`,
    ])
    const lamAlef = ['\u0627', '\u0623', '\u0625', '\u0622'].flatMap((alef) => [
      `\u0644${alef}`,
      `${TATWEEL}\u0644${alef}`,
    ])
    const digits = '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u060c\u061b\u061f'
    return [...forms, ...lamAlef, digits, ASCII.replace(/[A-Za-z]/g, '')].join(' ')
  }
  return ASCII
}

const embedderOf = (font: PDFFont) => (font as unknown as { embedder: SubsetEmbedder }).embedder

let loadedLibrary: Promise<FontLibrary> | undefined

/** The fonts, read and parsed on first use (about 0.1 s), then kept for the process. */
export function fontLibrary(): Promise<FontLibrary> {
  loadedLibrary ??= (async () => {
    const parsed = new Map<Uint8Array, FontkitFont>()
    const files = new Map<string, Uint8Array>()
    const faces = {} as Record<FaceKey, Face>
    // One after the other: two faces may share a file.
    for (const key of Object.keys(FACES) as FaceKey[])
      faces[key] = await loadFace(key, parsed, files)
    return new FontLibrary(faces, parsed)
  })().catch((error) => {
    loadedLibrary = undefined
    throw error
  })
  return loadedLibrary
}

/**
 * The parts of pdf-lib's CustomFontSubsetEmbedder used here. They are not in pdf-lib's
 * public types, but are its documented behaviour since 1.x (pinned in package.json):
 * `subset` (fontkit's), `glyphs[subsetId - 1]`, `glyphIdMap` (font glyph id → subset id).
 */
interface SubsetEmbedder {
  font: FontkitFont
  subset: { glyphs: number[]; includeGlyph(glyph: number | Glyph): number }
  glyphs: Glyph[]
  glyphIdMap: Map<number, number>
  glyphCache: { invalidate(): void; access(): Glyph[] }
  isCFF(): boolean
  serializeFont(): Promise<Uint8Array>
  glyphId(glyph: Glyph | undefined): number
  embedFontStream(context: PDFContext): Promise<PDFRef>
  embedUnicodeCmap(context: PDFContext): PDFRef
}

/** A compressed subset and its compressed ToUnicode map, as pdf-lib would write them. */
interface CompressedSubset {
  font: Promise<Uint8Array>
  unicodeMap: Uint8Array | null
}

/** Least recently used compressed subsets, by font file and subset glyph ids. */
const compressedSubsets = new Map<string, CompressedSubset>()

function rememberSubset(key: string, value: CompressedSubset) {
  compressedSubsets.delete(key)
  if (compressedSubsets.size >= SUBSETS_KEPT)
    compressedSubsets.delete(compressedSubsets.keys().next().value!)
  compressedSubsets.set(key, value)
}

/**
 * Makes a subset embedder write a font program and ToUnicode map already compressed for
 * the same glyphs, instead of re-encoding and re-compressing them. The first time, pdf-lib
 * serializes the subset, compressed by node's zlib rather than pako (same format, native).
 */
function reuseCompressedSubsets(embedder: SubsetEmbedder, source: string) {
  const embedUnicodeCmap = embedder.embedUnicodeCmap.bind(embedder)
  let entry: CompressedSubset | undefined

  embedder.embedFontStream = async (context) => {
    // Before serializing: encoding adds the components of composite glyphs to the subset.
    const key = `${source}:${embedder.subset.glyphs.join(',')}`
    entry = compressedSubsets.get(key)
    if (!entry) {
      const font = embedder.serializeFont().then((bytes) => deflateSync(bytes))
      font.catch(() => compressedSubsets.delete(key))
      entry = { font, unicodeMap: null }
    }
    rememberSubset(key, entry)
    const stream = context.stream(await entry.font, {
      Subtype: embedder.isCFF() ? 'CIDFontType0C' : undefined,
      Filter: 'FlateDecode',
    })
    return context.register(stream)
  }

  embedder.embedUnicodeCmap = (context) => {
    if (!entry) return embedUnicodeCmap(context)
    if (!entry.unicodeMap) {
      const ref = embedUnicodeCmap(context)
      const written = context.lookup(ref) as unknown as { contents: Uint8Array }
      entry.unicodeMap = written.contents
      return ref
    }
    return context.register(context.stream(entry.unicodeMap, { Filter: 'FlateDecode' }))
  }
}

/** The faces embedded in one document. */
export class DocumentFonts {
  readonly #doc: PDFDocument
  readonly #fonts = new Map<string, PDFFont>()
  readonly library: FontLibrary

  constructor(doc: PDFDocument, library: FontLibrary) {
    this.#doc = doc
    this.library = library
    doc.registerFontkit(library.fontkit)
  }

  async embed(faces: Iterable<Face>) {
    for (const face of faces) {
      if (this.#fonts.has(face.source)) continue
      let font: PDFFont
      if (face.standard) {
        font = this.#doc.embedStandardFont(face.standard)
      } else {
        font = await this.#doc.embedFont(face.bytes!, { subset: true })
        reuseCompressedSubsets(embedderOf(font), face.source)
      }
      this.#fonts.set(face.source, font)
    }
  }

  /**
   * Puts the glyphs the texts will need into each embedded subset in glyph-id order, before
   * anything is drawn: a subset then depends on which glyphs a document uses, not on the
   * order it draws them, and documents with the same glyphs share one compressed subset.
   * A glyph missed here (a line broken inside a shaped word) is appended when drawn.
   */
  prepareSubsets(texts: Iterable<{ text: string; weight: FontWeight }>) {
    // Per embedded font file: the glyphs beyond its base set that the texts need.
    const extrasBySource = new Map<string, { face: Face; extras: Map<number, Glyph> }>()
    for (const { text, weight } of texts) {
      for (const { face, glyphs } of this.library.glyphsOf(text, weight)) {
        let entry = extrasBySource.get(face.source)
        if (!entry) {
          entry = { face, extras: new Map() }
          extrasBySource.set(face.source, entry)
        }
        const base = this.library.baseGlyphsOf(face)
        for (const glyph of glyphs) if (!base.byId.has(glyph.id)) entry.extras.set(glyph.id, glyph)
      }
    }
    for (const [source, { face, extras }] of extrasBySource) {
      const embedder = embedderOf(this.#fonts.get(source)!)
      const base = this.library.baseGlyphsOf(face)
      const glyphs =
        extras.size === 0
          ? base.sorted
          : [...base.sorted, ...extras.values()].sort((a, b) => a.id - b.id)
      for (const glyph of glyphs) {
        const subsetId = embedder.subset.includeGlyph(glyph.id)
        embedder.glyphs[subsetId - 1] = glyph
        embedder.glyphIdMap.set(glyph.id, subsetId)
      }
      embedder.glyphCache.invalidate()
    }
  }

  fontOf(face: Face): PDFFont {
    const font = this.#fonts.get(face.source)
    if (!font) throw new Error(`Font ${face.key} was not embedded in this document`)
    return font
  }
}
