import { localize } from '#core/i18n/localized_text'
import type {
  FieldDefinition,
  FormAnswers,
  FormDefinition,
  SectionDefinition,
  VisibleWhen,
} from '#programmes/forms/form_definition'

/**
 * Conditional fields and sections (`visibleWhen`). One rule everywhere: a field or section
 * whose condition does not hold is not asked. The answers validator neither requires it
 * nor keeps its answer, the read-only views and the receipt leave it out, the CSV export
 * leaves its cell empty, and the eligibility rules see it as absent (a rule on it fails,
 * unless it is `absent`; a criterion on it scores 0) because its answer is never stored.
 *
 * A condition reads one earlier top-level answer (the checker makes sure of it), and only
 * if that answer is itself visible: a field that depends on a hidden field is hidden too.
 * Answers are read as drafts keep them (text: "true", "on") or as validated (booleans),
 * so the same function serves the form being filled and the submitted snapshot.
 */

const TRUE = new Set<unknown>([true, 'true', '1', 'on', 'yes'])
const FALSE = new Set<unknown>([false, 'false', '0', 'off', 'no'])

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Whether a condition holds for the answer it reads (undefined when hidden or unanswered). */
export function conditionHolds(when: VisibleWhen, value: unknown): boolean {
  if ('notEmpty' in when) return !isBlank(value)
  if ('in' in when) {
    const chosen = Array.isArray(value) ? value : [value]
    return chosen.some((item) => typeof item === 'string' && when.in.includes(item))
  }
  if (typeof when.equals === 'boolean') {
    return when.equals ? TRUE.has(value) : FALSE.has(value)
  }
  return value === when.equals
}

/** Whether the form has any condition at all (legacy forms have none: nothing to prune). */
export function hasConditions(definition: FormDefinition) {
  return definition.sections.some(
    (section) =>
      section.visibleWhen !== undefined ||
      section.fields.some((field) => field.visibleWhen !== undefined)
  )
}

/**
 * The form as the applicant is asked it, given the answers: only the visible sections and,
 * in them, only the visible fields (in their order). Without conditions, the definition itself.
 */
export function visibleFields(definition: FormDefinition, answers: unknown): FormDefinition {
  if (!hasConditions(definition)) return definition
  const given = isRecord(answers) ? answers : {}
  // `section.field` → answer, for the visible top-level fields seen so far.
  const seen = new Map<string, unknown>()
  const holds = (when: VisibleWhen | undefined) =>
    when === undefined || conditionHolds(when, seen.get(when.field))

  const sections: SectionDefinition[] = []
  for (const section of definition.sections) {
    if (!holds(section.visibleWhen)) continue
    const sectionAnswers = isRecord(given[section.key]) ? given[section.key] : {}
    const fields: FieldDefinition[] = []
    for (const field of section.fields) {
      if (!holds(field.visibleWhen)) continue
      fields.push(field)
      seen.set(
        `${section.key}.${field.key}`,
        (sectionAnswers as Record<string, unknown>)[field.key]
      )
    }
    sections.push(fields.length === section.fields.length ? section : { ...section, fields })
  }
  return { ...definition, sections }
}

/**
 * The answers without those of hidden fields and sections (what is stored on submission,
 * and what every reader of answers may rely on). Without conditions, the answers themselves.
 */
export function visibleAnswers(definition: FormDefinition, answers: FormAnswers): FormAnswers {
  if (!hasConditions(definition)) return answers
  const visible = visibleFields(definition, answers)
  const kept: FormAnswers = {}
  for (const section of visible.sections) {
    const sectionAnswers = answers[section.key]
    if (!isRecord(sectionAnswers)) continue
    const fields: Record<string, unknown> = {}
    for (const field of section.fields) {
      if (Object.hasOwn(sectionAnswers, field.key)) fields[field.key] = sectionAnswers[field.key]
    }
    kept[section.key] = fields
  }
  return kept
}

/** The pages of the form: a section with `newPage` starts one (the first always does). */
export function formPages(definition: FormDefinition): SectionDefinition[][] {
  const pages: SectionDefinition[][] = []
  for (const section of definition.sections) {
    if (pages.length === 0 || section.newPage === true) pages.push([])
    pages[pages.length - 1].push(section)
  }
  return pages
}

/**
 * Whether an answer path (`section.field`, or `section.group.0.sub` for a document in a
 * group) answers a top-level field of this (visible) form: documents of hidden fields
 * are left out with them.
 */
export function answersAskedField(visible: FormDefinition, path: string) {
  const [sectionKey, fieldKey] = path.split('.')
  return visible.sections.some(
    (section) =>
      section.key === sectionKey && section.fields.some((field) => field.key === fieldKey)
  )
}

/**
 * A condition as the applicant reads it under the question ("only if …"): the i18n key
 * (`form_conditions.*`) and its data, the field and option labels in `locale`.
 */
export function describeCondition(definition: FormDefinition, when: VisibleWhen, locale: string) {
  const [sectionKey, fieldKey] = when.field.split('.')
  const target = definition.sections
    .find((section) => section.key === sectionKey)
    ?.fields.find((field) => field.key === fieldKey)
  const field = target ? localize(target.label, locale) : when.field
  const optionLabel = (value: string) =>
    localize(target?.options?.find((option) => option.value === value)?.label, locale) || value
  if ('notEmpty' in when) return { key: 'form_conditions.answered', data: { field } }
  if ('in' in when) {
    return {
      key: 'form_conditions.in',
      data: { field, values: when.in.map(optionLabel).join(', ') },
    }
  }
  if (typeof when.equals === 'boolean') {
    return {
      key: when.equals ? 'form_conditions.checked' : 'form_conditions.unchecked',
      data: { field },
    }
  }
  return { key: 'form_conditions.equals', data: { field, value: optionLabel(when.equals) } }
}
