/**
 * Visual ordering of one line of mixed-direction text, for PDFs.
 *
 * pdf-lib draws glyphs from left to right and knows nothing of writing direction, so an
 * Arabic line that holds a reference (SM-2026-000123), an e-mail address or a date has to
 * be cut into runs of one direction and the runs laid out in display order first. This is
 * the part of the Unicode Bidirectional Algorithm (UAX #9) that plain, single-paragraph
 * text needs: character classes, weak types W1 and W4–W7, neutrals N1–N2, implicit levels
 * I1–I2 and reordering L2. Explicit embeddings and isolates are not supported: their
 * control characters are dropped, as are the invisible marks LRM, RLM and ALM (which still
 * count as strong characters).
 */

export type TextDirection = 'ltr' | 'rtl'

/** A piece of the line in one direction. `text` stays in logical (reading) order. */
export interface DirectionalRun {
  text: string
  rtl: boolean
}

type BidiClass = 'L' | 'R' | 'EN' | 'ES' | 'ET' | 'CS' | 'NSM' | 'N' | 'BN'

const LRM = 0x200e
const RLM = 0x200f
const ALM = 0x061c

/** Blocks of right-to-left scripts: Hebrew to Arabic Extended-A, presentation forms, SMP. */
function inRightToLeftBlock(code: number) {
  return (
    (code >= 0x0590 && code <= 0x08ff) ||
    (code >= 0xfb1d && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff) ||
    (code >= 0x10800 && code <= 0x10fff) ||
    (code >= 0x1e800 && code <= 0x1efff)
  )
}

const RIGHT_TO_LEFT_CHARACTER =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u061c\u202b\u202e\u2067]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u
const INVISIBLE_CONTROLS = /[\u200e\u202a-\u202e\u2066-\u2069]/g

const DIGIT = /\p{Nd}/u
const MARK = /\p{M}/u
const LETTER = /\p{L}/u
const EUROPEAN_SEPARATORS = new Set(['+', '-', '\u2212'])
const COMMON_SEPARATORS = new Set([
  ',',
  '.',
  ':',
  '/',
  '\u00a0',
  '\u202f',
  '\u060c',
  '\u066b',
  '\u066c',
])
const TERMINATOR = /[#$%°‰‱\u066a\p{Sc}]/u

/** Classes of ASCII characters, looked up rather than matched: most text is ASCII. */
const ASCII_CLASSES: BidiClass[] = Array.from({ length: 128 }, (_, code) =>
  classOfCharacter(String.fromCharCode(code))
)

function classOf(char: string): BidiClass {
  const code = char.charCodeAt(0)
  return code < 128 ? ASCII_CLASSES[code] : classOfCharacter(char)
}

function classOfCharacter(char: string): BidiClass {
  const code = char.codePointAt(0)!
  if (code === LRM) return 'L'
  if (code === RLM || code === ALM) return 'R'
  // Explicit embeddings, overrides and isolates: not supported, removed (rule X9).
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'BN'
  // ZWJ / ZWNJ are kept for Arabic shaping and follow their neighbour.
  if (code === 0x200c || code === 0x200d) return 'NSM'
  if (DIGIT.test(char)) return 'EN'
  if (MARK.test(char)) return 'NSM'
  if (EUROPEAN_SEPARATORS.has(char)) return 'ES'
  if (COMMON_SEPARATORS.has(char)) return 'CS'
  if (TERMINATOR.test(char)) return 'ET'
  if (inRightToLeftBlock(code)) return 'R'
  if (LETTER.test(char)) return 'L'
  return 'N'
}

function isInvisible(char: string) {
  const code = char.codePointAt(0)!
  return code === LRM || code === RLM || code === ALM
}

/** Weak types (W1, W4–W7): numbers join their separators; a number after Latin is Latin. */
function resolveWeakTypes(types: BidiClass[], base: TextDirection) {
  // W1: a combining mark takes the type of the character it combines with.
  for (let i = 0; i < types.length; i++) {
    if (types[i] === 'NSM') types[i] = i === 0 ? 'N' : types[i - 1]
  }
  // W4: a single separator between two digits belongs to the number (1.5, 2026-03, 16:05).
  for (let i = 1; i < types.length - 1; i++) {
    const separator = types[i] === 'ES' || types[i] === 'CS'
    if (separator && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN'
  }
  // W5: terminators next to a number belong to it (50 %, 100 DH$, #12).
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'ET') continue
    let end = i
    while (end < types.length && types[end] === 'ET') end++
    const touchesNumber = types[i - 1] === 'EN' || types[end] === 'EN'
    for (let j = i; j < end; j++) types[j] = touchesNumber ? 'EN' : 'N'
    i = end - 1
  }
  // W6: other separators are neutral.
  for (let i = 0; i < types.length; i++) {
    if (types[i] === 'ES' || types[i] === 'CS' || types[i] === 'ET') types[i] = 'N'
  }
  // W7: a number whose nearest preceding strong character is Latin is Latin.
  let lastStrong: BidiClass = base === 'rtl' ? 'R' : 'L'
  for (let i = 0; i < types.length; i++) {
    if (types[i] === 'L' || types[i] === 'R') lastStrong = types[i]
    else if (types[i] === 'EN' && lastStrong === 'L') types[i] = 'L'
  }
}

/** Neutrals (N1, N2): between two of the same direction they take it, otherwise the line's. */
function resolveNeutrals(types: BidiClass[], base: TextDirection) {
  const baseType: BidiClass = base === 'rtl' ? 'R' : 'L'
  const direction = (type: BidiClass | undefined) =>
    type === undefined ? baseType : type === 'L' ? 'L' : 'R'
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'N') continue
    let end = i
    while (end < types.length && types[end] === 'N') end++
    const before = direction(types[i - 1])
    const after = direction(types[end])
    for (let j = i; j < end; j++) types[j] = before === after ? before : baseType
    i = end - 1
  }
}

/** Implicit levels (I1, I2): even levels are left to right. */
function levelOf(type: BidiClass, base: TextDirection) {
  if (base === 'ltr') return type === 'L' ? 0 : type === 'R' ? 1 : 2
  return type === 'R' ? 1 : 2
}

/**
 * Cuts one line into runs of a single direction and returns them in display order, left to
 * right. Each run's text is in reading order: a right-to-left run is drawn reversed (the
 * shaper does it for Arabic) and with mirrored brackets (see `mirrorBrackets`).
 */
export function visualRuns(line: string, base: TextDirection): DirectionalRun[] {
  // Left-to-right text without a right-to-left character is one run: the common case.
  if (base === 'ltr' && !RIGHT_TO_LEFT_CHARACTER.test(line)) {
    const text = line.replace(INVISIBLE_CONTROLS, '')
    return text === '' ? [] : [{ text, rtl: false }]
  }
  const chars = [...line].filter((char) => classOf(char) !== 'BN')
  const types = chars.map(classOf)
  resolveWeakTypes(types, base)
  resolveNeutrals(types, base)

  const runs: Array<{ text: string; level: number }> = []
  chars.forEach((char, i) => {
    const level = levelOf(types[i], base)
    const visible = isInvisible(char) ? '' : char
    const last = runs.at(-1)
    if (last && last.level === level) last.text += visible
    else runs.push({ text: visible, level })
  })

  // L2: from the highest level down to the lowest odd one, reverse every sequence of runs
  // at that level or higher.
  const levels = runs.map((run) => run.level)
  const highest = Math.max(0, ...levels)
  const lowestOdd = Math.min(...levels.map((level) => (level % 2 === 1 ? level : level + 1)))
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue
      let end = i
      while (end < runs.length && runs[end].level >= level) end++
      runs.splice(i, end - i, ...runs.slice(i, end).reverse())
      i = end
    }
  }

  return runs
    .filter((run) => run.text !== '')
    .map((run) => ({ text: run.text, rtl: run.level % 2 === 1 }))
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
}

/** In right-to-left text an opening bracket is drawn as the glyph facing the other way (L4). */
export function mirrorBrackets(text: string) {
  return text.replace(/[()[\]{}<>«»‹›]/g, (char) => MIRRORED[char])
}
