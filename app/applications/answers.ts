import type {
  FieldDefinition,
  FormAnswers,
  FormDefinition,
} from '#programmes/forms/form_definition'
import { Money } from '#core/money'
import { strictNumber } from '#core/validators/strict_number'

/**
 * Draft answers are kept as typed, whatever their validity, so that nothing a person
 * wrote is ever lost (autosave, a failed submission, a closed tab). Only the form's own
 * keys are kept, as text (or lists of text), bounded in size; a number or a boolean an
 * API client sends to a number, money or boolean field keeps its JSON type, so that it
 * reads back as sent. Validation happens once, on submission, against `answersValidator`.
 */
const MAX_TEXT = 20_000
const MAX_ROWS = 50

type DraftValue = string | number | boolean | string[] | Array<Record<string, DraftValue>> | null

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value.slice(0, MAX_TEXT)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

/** Fields whose JSON number or boolean is kept as such (others keep text). */
const TYPED_SCALARS = new Set(['number', 'money', 'boolean'])

function asScalar(value: unknown): string | number | boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  return asText(value)
}

function draftValue(field: FieldDefinition, value: unknown): DraftValue {
  switch (field.type) {
    case 'multi_select': {
      const list = Array.isArray(value)
        ? value
        : value === undefined || value === null
          ? []
          : [value]
      return list.map(asText).filter((item): item is string => item !== null && item !== '')
    }
    case 'group': {
      const rows = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : []
      return rows
        .filter(isRecord)
        .map((row) => draftFields(field.fields ?? [], row))
        .filter((row) =>
          Object.values(row).some((cell) => !isBlank(cell) && cell !== 'false' && cell !== false)
        )
        .slice(0, MAX_ROWS) as Array<Record<string, DraftValue>>
    }
    default: {
      // A checkbox after its hidden "false" posts both: the last one is the answer.
      const last = Array.isArray(value) ? value.at(-1) : value
      return TYPED_SCALARS.has(field.type) ? asScalar(last) : asText(last)
    }
  }
}

function draftFields(fields: FieldDefinition[], input: Record<string, unknown>) {
  const result: Record<string, DraftValue> = {}
  for (const field of fields) {
    if (input[field.key] !== undefined) result[field.key] = draftValue(field, input[field.key])
  }
  return result
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isBlank = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0)

/**
 * Merges what was just typed into the saved draft: sections and fields present in
 * `input` replace the saved ones, the others stay.
 */
export function mergeDraftAnswers(
  definition: FormDefinition,
  saved: FormAnswers,
  input: unknown
): FormAnswers {
  const merged: FormAnswers = { ...saved }
  if (!isRecord(input)) return merged
  for (const section of definition.sections) {
    const sectionInput = input[section.key]
    if (!isRecord(sectionInput)) continue
    merged[section.key] = { ...merged[section.key], ...draftFields(section.fields, sectionInput) }
  }
  return merged
}

function typedValue(field: FieldDefinition, value: unknown): unknown {
  if (isBlank(value)) return undefined
  switch (field.type) {
    case 'money': {
      // Typed in dirhams the way people write them ("1 250 000,50"); validated in MAD.
      if (typeof value === 'number') return value
      const money = Money.parse(String(value))
      return money ? money.centimes / 100 : value
    }
    case 'number': {
      const number = strictNumber(String(value).replace(',', '.').trim())
      return Number.isFinite(number) ? number : value
    }
    case 'boolean':
      return ['true', '1', 'on', 'yes'].includes(String(value))
        ? true
        : ['false', '0', 'off', 'no'].includes(String(value))
          ? false
          : value
    case 'file':
      return Number(value)
    case 'group':
      return (value as Array<Record<string, unknown>>).map((row) =>
        typedFields(field.fields ?? [], row)
      )
    default:
      return value
  }
}

function typedFields(fields: FieldDefinition[], input: Record<string, unknown> = {}) {
  const result: Record<string, unknown> = {}
  for (const field of fields) {
    const value = typedValue(field, input[field.key])
    if (value !== undefined) result[field.key] = value
  }
  return result
}

/** The draft as the submission validator expects it: numbers as numbers, blanks absent. */
export function typedAnswers(definition: FormDefinition, draft: FormAnswers) {
  const result: Record<string, Record<string, unknown>> = {}
  for (const section of definition.sections) {
    result[section.key] = typedFields(section.fields, draft[section.key])
  }
  return result
}

/** Every file field of a definition, as `section.field` with its definition. */
export function fileFields(definition: FormDefinition) {
  return definition.sections.flatMap((section) =>
    section.fields
      .filter((field) => field.type === 'file')
      .map((field) => ({ path: `${section.key}.${field.key}`, section, field }))
  )
}
