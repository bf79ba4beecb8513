import {
  POSTED_TEXT_LIMIT,
  freshKey,
  isRecord,
  listOf,
  localizedOf,
  move,
  textOf,
} from '#core/validators/posted_structure'
import type { LocalizedText } from '#core/i18n/localized_text'
import {
  FIELD_TYPES,
  type FieldDefinition,
  type FieldOption,
  type FormDefinition,
  type SectionDefinition,
  type VisibleWhen,
} from '#programmes/forms/form_definition'

/**
 * The visual form editor (staff): the whole definition travels as structured form fields
 * (`sections[0][fields][1][label][fr]`), and every button (add, remove, move) posts it
 * with a `command`, so the page works without JavaScript. This module turns what was
 * posted back into a definition (keeping whatever was typed, valid or not, so that nothing
 * is lost), applies a command to it, and strips it to what the JSON editor would save.
 * Both editors then go through `checkFormDefinition` and `SaveCallForm`.
 */

/** Beyond these, a post is not a form an officer built by hand. */
export const BUILDER_LIMITS = {
  sections: 40,
  fields: 120,
  options: 100,
  text: POSTED_TEXT_LIMIT,
} as const

/** One field as edited: its definition, with what other types would use kept aside. */
export type BuilderField = Omit<
  FieldDefinition,
  'fields' | 'min' | 'max' | 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'maxSizeMb'
> & {
  fields?: BuilderField[]
  /** Bounds typed as something other than a number stay text, for the checker to name. */
  min?: number | string
  max?: number | string
  minLength?: number | string
  maxLength?: number | string
  minItems?: number | string
  maxItems?: number | string
  maxSizeMb?: number | string
}

export type BuilderSection = Omit<SectionDefinition, 'fields'> & { fields: BuilderField[] }

export interface BuilderForm {
  sections: BuilderSection[]
}

const checked = (value: unknown) => ['1', 'true', 'on', 'yes', true].includes(value as any)

/** A bound: '' is none, a number is a number, anything else stays as typed. */
function boundOf(value: unknown): number | string | undefined {
  const typed = textOf(value, 40)
  if (typed === '') return undefined
  const number = Number(typed.replace(',', '.').replace(/\s/g, ''))
  return Number.isFinite(number) ? number : typed
}

const BOUNDS = [
  'minLength',
  'maxLength',
  'min',
  'max',
  'minItems',
  'maxItems',
  'maxSizeMb',
] as const
const FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
export const BUILDER_FILE_TYPES = FILE_TYPES

/** The condition as posted: the field it reads, the operator and the value as typed. */
function conditionOf(value: unknown): VisibleWhen | undefined {
  if (!isRecord(value)) return undefined
  const field = textOf(value.field, 130)
  if (!field) return undefined
  const typed = textOf(value.value)
  switch (value.operator) {
    case 'notEmpty':
      return { field, notEmpty: true }
    case 'in':
      return {
        field,
        in: typed
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      }
    case 'equals':
      // A boolean field's condition is "true" or "false"; the checker knows the field.
      return {
        field,
        equals: typed === 'true' ? true : typed === 'false' ? false : typed,
      }
    default:
      // An operator the editor does not offer: the checker says what is missing.
      return { field } as VisibleWhen
  }
}

function optionsOf(value: unknown): FieldOption[] {
  return listOf(value, BUILDER_LIMITS.options)
    .filter(isRecord)
    .map((option) => ({ value: textOf(option.value, 100), label: localizedOf(option.label) }))
}

function fieldOf(value: Record<string, any>, depth: number): BuilderField {
  const type = (FIELD_TYPES as readonly string[]).includes(value.type) ? value.type : 'text'
  const field: BuilderField = {
    key: textOf(value.key, 63),
    type,
    label: localizedOf(value.label),
  }
  const hint = localizedOf(value.hint)
  if (Object.keys(hint).length > 0) field.hint = hint
  if (checked(value.required)) field.required = true
  if (checked(value.identifying)) field.identifying = true
  for (const bound of BOUNDS) {
    const typed = boundOf(value[bound])
    if (typed !== undefined) field[bound] = typed
  }
  const options = optionsOf(value.options)
  if (options.length > 0) field.options = options
  const accept = listOf(value.accept, FILE_TYPES.length)
    .map((item) => textOf(item, 40))
    .filter((item) => (FILE_TYPES as readonly string[]).includes(item))
  if (accept.length > 0) field.accept = accept
  if (depth === 0) {
    const condition = conditionOf(value.visibleWhen)
    if (condition) field.visibleWhen = condition
    const fields = listOf(value.fields, BUILDER_LIMITS.fields)
      .filter(isRecord)
      .map((sub) => fieldOf(sub, 1))
    if (fields.length > 0) field.fields = fields
  }
  return field
}

/**
 * What the editor posted, as a form being built. Never throws; drops what it cannot read
 * (unknown keys, lists beyond the limits) and keeps every typed text as it is. The
 * requested amount is the radio `requestedAmount` = "section.field" indices.
 */
export function builderFormOf(input: unknown): BuilderForm {
  const posted = isRecord(input) ? input : {}
  const requested = textOf(posted.requestedAmount, 20)
  const sections = listOf(posted.sections, BUILDER_LIMITS.sections)
    .filter(isRecord)
    .map((section, sectionIndex): BuilderSection => {
      const built: BuilderSection = {
        key: textOf(section.key, 63),
        title: localizedOf(section.title),
        fields: listOf(section.fields, BUILDER_LIMITS.fields)
          .filter(isRecord)
          .map((field, fieldIndex) => {
            const read = fieldOf(field, 0)
            if (requested === `${sectionIndex}.${fieldIndex}`) read.requestedAmount = true
            return read
          }),
      }
      if (checked(section.newPage)) built.newPage = true
      const condition = conditionOf(section.visibleWhen)
      if (condition) built.visibleWhen = condition
      return built
    })
  return { sections }
}

/** Where a boolean field's condition must be a boolean: fixes "true" typed for a select. */
function typedConditions(form: BuilderForm) {
  const types = new Map<string, string>()
  const fix = (when: VisibleWhen | undefined) => {
    if (!when || !('equals' in when) || typeof when.equals !== 'boolean') return when
    return types.get(when.field) === 'boolean' ? when : { ...when, equals: String(when.equals) }
  }
  for (const section of form.sections) {
    section.visibleWhen = fix(section.visibleWhen)
    if (!section.visibleWhen) delete section.visibleWhen
    for (const field of section.fields) {
      field.visibleWhen = fix(field.visibleWhen)
      if (!field.visibleWhen) delete field.visibleWhen
      types.set(`${section.key}.${field.key}`, field.type)
    }
  }
  return form
}

/** The definition a form being built saves: only what each field's type uses. */
export function definitionOfBuilder(form: BuilderForm): FormDefinition {
  const strip = (field: BuilderField, depth: number): FieldDefinition => {
    const kept: Record<string, unknown> = { key: field.key, type: field.type, label: field.label }
    const copy = (...names: Array<keyof BuilderField>) => {
      for (const name of names) if (field[name] !== undefined) kept[name] = field[name]
    }
    copy('hint', 'required', 'identifying')
    switch (field.type) {
      case 'text':
      case 'long_text':
        copy('minLength', 'maxLength')
        break
      case 'number':
        copy('min', 'max')
        break
      case 'money':
        copy('min', 'max', 'requestedAmount')
        break
      case 'select':
      case 'multi_select':
        kept.options = field.options ?? []
        break
      case 'file':
        kept.accept = field.accept ?? []
        copy('maxSizeMb')
        break
      case 'group':
        copy('minItems', 'maxItems')
        kept.fields = (field.fields ?? []).map((sub) => strip(sub, depth + 1))
        break
    }
    if (depth === 0) copy('visibleWhen')
    return kept as unknown as FieldDefinition
  }
  const typed = typedConditions(structuredClone(form))
  return {
    sections: typed.sections.map((section) => {
      const kept: SectionDefinition = {
        key: section.key,
        title: section.title,
        fields: section.fields.map((field) => strip(field, 0)),
      }
      if (section.newPage) kept.newPage = true
      if (section.visibleWhen) kept.visibleWhen = section.visibleWhen
      return kept
    }),
  }
}

/** A key not used yet among `taken`: `field_3`, `section_2`, `option_4`. */

/** The commands the editor's buttons post, each with its indices (`field_up:1.3`). */
const COMMAND = /^([a-z_]{3,20})(?::(\d{1,4})(?:\.(\d{1,4}))?(?:\.(\d{1,4}))?)?(?:@(\d{1,4}))?$/

/**
 * Applies one button of the editor to the form (in place) and says whether it was one:
 * add, remove or move a section, a field (or a field inside a group: `i.j.k`), an option
 * (`add_option:i.j`, `remove_option:i.j@k`). `save`, `refresh` and anything unknown
 * change nothing.
 */
export function applyBuilderCommand(form: BuilderForm, command: unknown): boolean {
  const match = typeof command === 'string' ? COMMAND.exec(command) : null
  if (!match) return false
  const [, verb, a, b, c, d] = match
  const [i, j, k, option] = [a, b, c, d].map((value) => (value === undefined ? -1 : Number(value)))
  const section = form.sections[i]
  const parent = section?.fields[j]
  // The list a field command works on: a section's fields, or a group's.
  const fields = k >= 0 ? parent?.fields : section?.fields
  const field = k >= 0 ? parent?.fields?.[k] : parent
  const fieldIndex = k >= 0 ? k : j
  switch (verb) {
    case 'add_section':
      if (form.sections.length >= BUILDER_LIMITS.sections) return false
      form.sections.push({
        key: freshKey(
          'section',
          form.sections.map((item) => item.key)
        ),
        title: {},
        fields: [newField([])],
      })
      return true
    case 'remove_section':
      if (!section) return false
      form.sections.splice(i, 1)
      return true
    case 'section_up':
    case 'section_down':
      move(form.sections, i, verb === 'section_up' ? -1 : 1)
      return true
    case 'add_field':
      if (!section || section.fields.length >= BUILDER_LIMITS.fields) return false
      section.fields.push(newField(section.fields))
      return true
    case 'add_subfield':
      if (!parent || parent.type !== 'group') return false
      parent.fields = [...(parent.fields ?? []), newField(parent.fields ?? [])]
      return true
    case 'remove_field':
      if (!fields || !field) return false
      fields.splice(fieldIndex, 1)
      return true
    case 'field_up':
    case 'field_down':
      if (!fields) return false
      move(fields, fieldIndex, verb === 'field_up' ? -1 : 1)
      return true
    case 'add_option':
      if (!field || (field.options?.length ?? 0) >= BUILDER_LIMITS.options) return false
      field.options = [
        ...(field.options ?? []),
        {
          value: freshKey(
            'option',
            (field.options ?? []).map((item) => item.value)
          ),
          label: {},
        },
      ]
      return true
    case 'remove_option':
      if (!field?.options?.[option]) return false
      field.options.splice(option, 1)
      return true
    default:
      return false
  }
}

function newField(siblings: BuilderField[]): BuilderField {
  return {
    key: freshKey(
      'field',
      siblings.map((item) => item.key)
    ),
    type: 'text',
    label: {},
  }
}

/** What a condition's inputs show: its operator and its value as typed. */
export function conditionInputs(when: VisibleWhen | undefined) {
  if (!when) return { field: '', operator: 'equals', value: '' }
  if ('notEmpty' in when) return { field: when.field, operator: 'notEmpty', value: '' }
  if ('in' in when) return { field: when.field, operator: 'in', value: when.in.join(', ') }
  if ('equals' in when) return { field: when.field, operator: 'equals', value: String(when.equals) }
  // An operator the editor does not offer, posted by hand: shown as none chosen.
  return { field: (when as { field: string }).field, operator: '', value: '' }
}

/**
 * The answers a condition may read, as `{ path, label }`: the top-level fields before the
 * field at `fieldIndex` of section `sectionIndex` (-1: before the section itself), except
 * groups, which no condition reads.
 */
export function conditionTargets(form: BuilderForm, sectionIndex: number, fieldIndex: number) {
  const targets: Array<{ path: string; label: LocalizedText; type: string }> = []
  form.sections.forEach((section, i) => {
    if (i > sectionIndex) return
    section.fields.forEach((field, j) => {
      if (i === sectionIndex && (fieldIndex < 0 || j >= fieldIndex)) return
      if (field.type === 'group' || !field.key) return
      targets.push({ path: `${section.key}.${field.key}`, label: field.label, type: field.type })
    })
  })
  return targets
}

export interface PlacedProblem {
  path: string
  message: string
  /** The id of the editor block (section or field) the problem belongs to. */
  anchor: string
}

/** Each checker problem with the editor block it is shown in (`b-0-1`, `b-0-1-2`, `s-0`). */
export function placeProblems(problems: Array<{ path: string; message: string }>) {
  return problems.map((problem): PlacedProblem => {
    const field = /^sections\[(\d+)\]\.fields\[(\d+)\](?:\.fields\[(\d+)\])?/.exec(problem.path)
    const section = /^sections\[(\d+)\]/.exec(problem.path)
    const anchor = field
      ? ['b', field[1], field[2], field[3]].filter((part) => part !== undefined).join('-')
      : section
        ? `s-${section[1]}`
        : 'builder-sections'
    return { ...problem, anchor }
  })
}

/**
 * The messages shown next to one input: problems at its path or inside it (`label.fr`,
 * `options[2].value`); `exact` for a block whose inner problems have inputs of their own.
 */
export function problemsAt(problems: PlacedProblem[], path: string, exact = false) {
  return problems
    .filter(
      (problem) =>
        problem.path === path ||
        (!exact && (problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`)))
    )
    .map((problem) => problem.message)
}
