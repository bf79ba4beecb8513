import type {
  FieldDefinition,
  FormAnswers,
  FormDefinition,
} from '#programmes/forms/form_definition'

/**
 * What a reviewer sees of an application (DESIGN §5). On a blind call the applicant's
 * identity is hidden everywhere a reviewer can look (page, downloads, API): no names,
 * emails, organization, original file names, and no identifying answers.
 *
 * An answer is identifying when its field says so (`identifying: true` in the form
 * definition) or when its key is one that names a person or a company (forms written
 * before the flag existed are covered too). Every other text answer is scrubbed of the
 * applicant's known identity strings, in case a summary mentions the company by name.
 */
export const IDENTIFYING_KEYS: ReadonlySet<string> = new Set([
  'name',
  'full_name',
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'company_name',
  'organization_name',
  'startup_name',
  'fund_name',
  'rc',
  'rc_number',
  'ice',
  'cin',
  'current_employer',
  'website',
  'linkedin',
  'address',
])

export function isIdentifying(field: FieldDefinition) {
  return field.identifying === true || IDENTIFYING_KEYS.has(field.key)
}

/** The identity of the applicant, as stored outside the answers. */
export interface ApplicantIdentity {
  fullName?: string | null
  email?: string | null
  title?: string | null
  organizationName?: string | null
  rcNumber?: string | null
  ice?: string | null
}

/**
 * Identity strings with fewer letters or digits than this are never masked: one or two
 * characters ("SA", "X", "-") are legal forms, initials or placeholders, and masking
 * them would mangle ordinary words everywhere.
 */
const MIN_MASKED = 3
/**
 * Identity strings shorter than this (3–5 characters: "OCP", "Lydec", "Ali") are masked
 * only as whole words, or "Ali" would mask "qualité". Longer ones are masked anywhere,
 * even glued to another word (Arabic prefixes such as و or ب, "ex-…", possessives).
 */
const MIN_MASKED_INSIDE_WORDS = 6

/** Arabic letters written in several ways, folded to one (hamza forms, ta marbuta, alif maqsura). */
const ARABIC_FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
}

/**
 * The comparable form of one character: lower case, without accents or Arabic vowel
 * marks, hamza forms folded; whitespace, hyphens, underscores and tatweel vanish so that
 * "Société  Générale", "societe-generale" and "SocieteGenerale" compare equal.
 */
function foldCharacter(character: string) {
  if (/[\s\-_\u2010-\u2015\u0640]/u.test(character)) return ''
  const folded = character.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  return [...folded].map((part) => ARABIC_FOLDS[part] ?? part).join('')
}

/** A text folded for comparison, and for each folded character its place in the text. */
function foldWithPositions(text: string) {
  let folded = ''
  const starts: number[] = []
  let offset = 0
  for (const character of text) {
    for (const part of foldCharacter(character)) {
      folded += part
      starts.push(offset)
    }
    offset += character.length
  }
  return { folded, starts }
}

function foldText(text: string) {
  return foldWithPositions(text).folded
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u
const ATTACHED = /[\u0640\p{M}]/u

/** Whether a character beside a match glues it to a word (tatweel only draws a letter out). */
const joinsWord = (character: string | undefined) =>
  !!character && WORD_CHARACTER.test(character) && !ATTACHED.test(character)

/** Every string that identifies the applicant, folded, longest first. */
function foldedNeedles(values: Iterable<string>) {
  const needles = new Set<string>()
  for (const value of values) {
    const folded = foldText(value)
    if ([...folded].filter((part) => WORD_CHARACTER.test(part)).length >= MIN_MASKED) {
      needles.add(folded)
    }
  }
  return [...needles].sort((a, b) => b.length - a.length)
}

/**
 * A function replacing every identity string in a text by `mask`, whatever its case,
 * accents, Arabic vowel marks or spacing (DESIGN §5: blind calls hide the applicant).
 */
export function identityScrubber(values: Iterable<string>, mask: string) {
  const needles = foldedNeedles(values)
  if (needles.length === 0) return (text: string) => text
  return (text: string) => {
    const { folded, starts } = foldWithPositions(text)
    const ranges: Array<[number, number]> = []
    let position = 0
    while (position < folded.length) {
      // The matched part of the text: from its first character to the end of its last.
      // Tatweel and combining marks right after it still belong to the last letter.
      const rangeOf = (length: number): [number, number] => {
        const last = starts[position + length - 1]
        let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1)
        while (end < text.length && ATTACHED.test(text[end])) end++
        return [starts[position], end]
      }
      const needle = needles.find((candidate) => {
        if (!folded.startsWith(candidate, position)) return false
        if (candidate.length >= MIN_MASKED_INSIDE_WORDS) return true
        const [from, to] = rangeOf(candidate.length)
        return !joinsWord(text[from - 1]) && !joinsWord(text[to])
      })
      if (!needle) {
        position++
        continue
      }
      const [from, to] = rangeOf(needle.length)
      ranges.push([from, to])
      position += needle.length
    }
    let result = ''
    let cursor = 0
    for (const [from, to] of ranges) {
      result += text.slice(cursor, from) + mask
      cursor = to
    }
    return result + text.slice(cursor)
  }
}

/** The values of every identifying answer (in groups too), as they were typed. */
export function identifyingValues(definition: FormDefinition, answers: FormAnswers) {
  const values: string[] = []
  const collect = (fields: FieldDefinition[], row: Record<string, unknown>) => {
    for (const field of fields) {
      const value = row[field.key]
      if (field.type === 'group') {
        for (const entry of Array.isArray(value) ? value : []) {
          if (typeof entry === 'object' && entry !== null) collect(field.fields ?? [], entry)
        }
      } else if (field.type !== 'file' && isIdentifying(field)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (typeof item === 'string' || typeof item === 'number') values.push(String(item))
        }
      }
    }
  }
  for (const section of definition.sections) {
    const sectionAnswers = answers[section.key]
    if (typeof sectionAnswers === 'object' && sectionAnswers !== null) {
      collect(section.fields, sectionAnswers)
    }
  }
  return values
}

function redactValue(
  field: FieldDefinition,
  value: unknown,
  mask: string,
  scrub: (text: string) => string
): unknown {
  if (value === undefined || value === null || value === '') return value
  if (field.type === 'group') {
    const rows = Array.isArray(value) ? value : []
    return rows.map((row) =>
      typeof row === 'object' && row !== null
        ? redactFields(field.fields ?? [], row, mask, scrub)
        : row
    )
  }
  // File answers are document ids; documents are renamed separately.
  if (field.type === 'file') return value
  if (isIdentifying(field)) return mask
  if (typeof value === 'string') return scrub(value)
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? scrub(item) : item))
  return value
}

function redactFields(
  fields: FieldDefinition[],
  answers: Record<string, unknown>,
  mask: string,
  scrub: (text: string) => string
) {
  const result: Record<string, unknown> = {}
  for (const field of fields) {
    if (answers[field.key] !== undefined) {
      result[field.key] = redactValue(field, answers[field.key], mask, scrub)
    }
  }
  return result
}

/**
 * The answers a reviewer of a blind call may read: identifying fields replaced by
 * `mask`, the applicant's identity and every identifying answer's value scrubbed from
 * the others, answers outside the form dropped.
 */
/**
 * Masks in any free text (answers, reviewers' comments) everything that names the
 * applicant on a blind call: their identity and the values of the identifying answers.
 */
export function applicantScrubber(
  definition: FormDefinition,
  answers: FormAnswers,
  identity: ApplicantIdentity,
  mask: string
) {
  const known = Object.values(identity).filter(
    (value): value is string => typeof value === 'string'
  )
  return identityScrubber([...known, ...identifyingValues(definition, answers)], mask)
}

export function blindAnswers(
  definition: FormDefinition,
  answers: FormAnswers,
  identity: ApplicantIdentity,
  mask: string
): FormAnswers {
  const scrub = applicantScrubber(definition, answers, identity, mask)
  const result: FormAnswers = {}
  for (const section of definition.sections) {
    const sectionAnswers = answers[section.key]
    if (typeof sectionAnswers !== 'object' || sectionAnswers === null) continue
    result[section.key] = redactFields(section.fields, sectionAnswers, mask, scrub)
  }
  return result
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
}

/** The name a reviewer of a blind call gets for a document: `document-3.pdf`. */
export function genericDocumentName(documentId: number, mimeType: string) {
  return `document-${documentId}.${EXTENSIONS[mimeType] ?? 'bin'}`
}
