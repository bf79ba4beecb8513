import type { LocalizedText } from '#core/i18n/localized_text'

/**
 * A call's application form, as data (DESIGN §3). The same definition renders the
 * form, builds its validator and renders the read-only view for staff and reviewers.
 */
export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'select',
  'multi_select',
  'boolean',
  'file',
  'group',
] as const

export type FieldType = (typeof FIELD_TYPES)[number]

/** The limits a field has when its definition sets none (validation, uploads, the API). */
export const FIELD_DEFAULTS = {
  maxLength: { text: 500, long_text: 10_000 },
  maxItems: 50,
  maxSizeMb: 10,
} as const

export interface FieldOption {
  value: string
  label: LocalizedText
}

export interface FieldDefinition {
  /** Answer key: lower snake case, unique within its section or group. */
  key: string
  type: FieldType
  label: LocalizedText
  hint?: LocalizedText
  required?: boolean
  /** text, long_text: length bounds. number: value bounds. money: bounds in MAD. */
  minLength?: number
  maxLength?: number
  min?: number
  max?: number
  /** select, multi_select */
  options?: FieldOption[]
  /** file: accepted MIME types (checked on content) and size limit */
  accept?: string[]
  maxSizeMb?: number
  /** group (repeatable): its own fields and how many entries */
  fields?: FieldDefinition[]
  minItems?: number
  maxItems?: number
  /** Names the applicant (a person, a company): hidden from reviewers of blind calls. */
  identifying?: boolean
  /**
   * money, top level of a section only: the amount the applicant asks for, which the
   * ranking and the award read (see requested_amount.ts). At most one per form; startup
   * offer and VC call forms must have one.
   */
  requestedAmount?: boolean
  /** Asked only when another answer says so (top level of a section only); see visibility.ts. */
  visibleWhen?: VisibleWhen
}

/**
 * When a field or a section is shown, read from one earlier top-level answer
 * (`section.field`): a select or boolean `equals` a value, a select's answer is `in` a
 * list (a multi-select's answer contains one of them), or any answer is `notEmpty`.
 * Hidden means not asked: not required, its answer dropped, absent for the rules.
 */
export type VisibleWhen =
  | { field: string; equals: string | boolean }
  | { field: string; in: string[] }
  | { field: string; notEmpty: true }

export const VISIBILITY_OPERATORS = ['equals', 'in', 'notEmpty'] as const
export type VisibilityOperator = (typeof VISIBILITY_OPERATORS)[number]

export interface SectionDefinition {
  key: string
  title: LocalizedText
  fields: FieldDefinition[]
  visibleWhen?: VisibleWhen
  /** Starts a new page of the applicant's form (the first section always does). */
  newPage?: boolean
}

export interface FormDefinition {
  sections: SectionDefinition[]
}

/** Answers keyed by section, then field: `{ team: { founders: [{ name: … }] } }`. */
export type FormAnswers = Record<string, Record<string, unknown>>
