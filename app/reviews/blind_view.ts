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

/** Strings shorter than this are too common to scrub without mangling the text. */
const MIN_SCRUBBED = 3

function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A function replacing every known identity string in a text (case-insensitive). */
export function identityScrubber(identity: ApplicantIdentity, mask: string) {
  const needles = [...new Set(Object.values(identity))]
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim())
    .filter((value) => value.length >= MIN_SCRUBBED)
    .sort((a, b) => b.length - a.length)
  if (needles.length === 0) return (text: string) => text
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'giu')
  return (text: string) => text.replace(pattern, mask)
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
 * `mask`, identity strings scrubbed from the others, answers outside the form dropped.
 */
export function blindAnswers(
  definition: FormDefinition,
  answers: FormAnswers,
  identity: ApplicantIdentity,
  mask: string
): FormAnswers {
  const scrub = identityScrubber(identity, mask)
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
