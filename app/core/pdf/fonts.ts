import { readFile } from 'node:fs/promises'
import fontkit from '@pdf-lib/fontkit'
import type { Font as FontkitFont, GlyphRun } from '@pdf-lib/fontkit'
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib'

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
    if (run) {
      shaped.delete(text)
    } else {
      run = layout(text, { ...SHAPING_FEATURES })
      if (shaped.size >= SHAPED_STRINGS_PER_FONT) shaped.delete(shaped.keys().next().value!)
    }
    shaped.set(text, run)
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
      const font = face.standard
        ? this.#doc.embedStandardFont(face.standard)
        : await this.#doc.embedFont(face.bytes!, { subset: true })
      this.#fonts.set(face.source, font)
    }
  }

  fontOf(face: Face): PDFFont {
    const font = this.#fonts.get(face.source)
    if (!font) throw new Error(`Font ${face.key} was not embedded in this document`)
    return font
  }
}
