import { LOCALES } from '#core/i18n/locales'
import {
  FIELD_TYPES,
  VISIBILITY_OPERATORS,
  type FieldDefinition,
  type FormDefinition,
} from '#programmes/forms/form_definition'
import {
  KINDS_ASKING_AN_AMOUNT,
  flaggedRequestedAmountFields,
} from '#programmes/forms/requested_amount'

export interface DefinitionProblem {
  /** Where, e.g. `sections[1].fields[2].options` */
  path: string
  /** What is wrong, in English for the officer's JSON editor and the logs. */
  message: string
}

const KEY = /^[a-z][a-z0-9_]{0,62}$/
const FILE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg'])
const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A text per language: French required, known languages only (also used by rule sets). */
export function checkLocalized(
  value: unknown,
  path: string,
  problems: DefinitionProblem[],
  required = true
) {
  if (value === undefined && !required) return
  if (!isObject(value) || typeof value.fr !== 'string' || value.fr.trim() === '') {
    problems.push({ path, message: 'needs a French text ("fr"), the administration default' })
    return
  }
  for (const [locale, text] of Object.entries(value)) {
    if (!(LOCALES as readonly string[]).includes(locale)) {
      problems.push({
        path: `${path}.${locale}`,
        message: `unknown language (one of ${LOCALES.join(', ')})`,
      })
    } else if (typeof text !== 'string') {
      problems.push({ path: `${path}.${locale}`, message: 'must be text' })
    }
  }
}

function checkBounds(
  field: Record<string, any>,
  low: string,
  high: string,
  path: string,
  problems: DefinitionProblem[]
) {
  for (const bound of [low, high]) {
    if (
      field[bound] !== undefined &&
      (typeof field[bound] !== 'number' || !Number.isFinite(field[bound]))
    ) {
      problems.push({ path: `${path}.${bound}`, message: 'must be a number' })
    }
  }
  if (
    typeof field[low] === 'number' &&
    typeof field[high] === 'number' &&
    field[low] > field[high]
  ) {
    problems.push({ path: `${path}.${low}`, message: `cannot be greater than ${high}` })
  }
}

function checkFields(fields: unknown, path: string, problems: DefinitionProblem[], depth: number) {
  if (!Array.isArray(fields) || fields.length === 0) {
    problems.push({ path, message: 'needs at least one field' })
    return
  }
  const seen = new Set<string>()
  fields.forEach((field: unknown, index) => {
    const at = `${path}[${index}]`
    if (!isObject(field)) {
      problems.push({ path: at, message: 'must be an object' })
      return
    }
    if (typeof field.key !== 'string' || !KEY.test(field.key)) {
      problems.push({
        path: `${at}.key`,
        message: 'must be lower snake case (a-z, 0-9, _), starting with a letter',
      })
    } else if (seen.has(field.key)) {
      problems.push({ path: `${at}.key`, message: `"${field.key}" is used twice` })
    } else {
      seen.add(field.key)
    }
    if (!(FIELD_TYPES as readonly string[]).includes(field.type)) {
      problems.push({ path: `${at}.type`, message: `must be one of ${FIELD_TYPES.join(', ')}` })
      return
    }
    checkLocalized(field.label, `${at}.label`, problems)
    checkLocalized(field.hint, `${at}.hint`, problems, false)
    if (field.required !== undefined && typeof field.required !== 'boolean') {
      problems.push({ path: `${at}.required`, message: 'must be true or false' })
    }
    checkRequestedAmountFlag(field, at, problems, depth)
    if (field.visibleWhen !== undefined && depth > 0) {
      problems.push({
        path: `${at}.visibleWhen`,
        message: 'a field inside a repeatable group cannot be conditional',
      })
    }
    checkField(field as FieldDefinition, at, problems, depth)
  })
}

function checkRequestedAmountFlag(
  field: Record<string, any>,
  at: string,
  problems: DefinitionProblem[],
  depth: number
) {
  if (field.requestedAmount === undefined || field.requestedAmount === false) return
  if (field.requestedAmount !== true) {
    problems.push({ path: `${at}.requestedAmount`, message: 'must be true or false' })
  } else if (field.type !== 'money') {
    problems.push({
      path: `${at}.requestedAmount`,
      message: 'only a money field can be the requested amount',
    })
  } else if (depth > 0) {
    problems.push({
      path: `${at}.requestedAmount`,
      message: 'the requested amount cannot be inside a repeatable group',
    })
  }
}

/** One requested amount at most, and one where the programme's award is the amount asked. */
function checkRequestedAmount(
  definition: FormDefinition,
  kind: string | undefined,
  problems: DefinitionProblem[]
) {
  const flagged = flaggedRequestedAmountFields(definition)
  if (flagged.length > 1) {
    const names = flagged.map(({ section, field }) => `${section}.${field.key}`).join(', ')
    problems.push({
      path: 'sections',
      message: `only one field can be the requested amount (flagged: ${names})`,
    })
  }
  if (flagged.length === 0 && kind !== undefined && KINDS_ASKING_AN_AMOUNT.has(kind)) {
    problems.push({
      path: 'sections',
      message: `a ${kind} form must declare the amount asked: "requestedAmount": true on one money field`,
    })
  }
}

function checkField(
  field: FieldDefinition,
  at: string,
  problems: DefinitionProblem[],
  depth: number
) {
  switch (field.type) {
    case 'text':
    case 'long_text':
      checkBounds(field, 'minLength', 'maxLength', at, problems)
      break
    case 'number':
    case 'money':
      checkBounds(field, 'min', 'max', at, problems)
      break
    case 'select':
    case 'multi_select': {
      if (!Array.isArray(field.options) || field.options.length === 0) {
        problems.push({
          path: `${at}.options`,
          message: `a ${field.type} needs at least one option`,
        })
        break
      }
      const values = new Set<string>()
      field.options.forEach((option, index) => {
        if (!isObject(option) || typeof option.value !== 'string' || option.value === '') {
          problems.push({
            path: `${at}.options[${index}].value`,
            message: 'must be non-empty text',
          })
          return
        }
        if (values.has(option.value)) {
          problems.push({
            path: `${at}.options[${index}].value`,
            message: `"${option.value}" is used twice`,
          })
        }
        values.add(option.value)
        checkLocalized(option.label, `${at}.options[${index}].label`, problems)
      })
      break
    }
    case 'file':
      if (!Array.isArray(field.accept) || field.accept.length === 0) {
        problems.push({
          path: `${at}.accept`,
          message: 'list the accepted types (application/pdf, image/png, image/jpeg)',
        })
      } else {
        field.accept
          .filter((type) => !FILE_TYPES.has(type))
          .forEach((type) =>
            problems.push({
              path: `${at}.accept`,
              message: `"${type}" is not an accepted file type`,
            })
          )
      }
      if (
        field.maxSizeMb !== undefined &&
        !(typeof field.maxSizeMb === 'number' && field.maxSizeMb > 0 && field.maxSizeMb <= 25)
      ) {
        problems.push({
          path: `${at}.maxSizeMb`,
          message: 'must be a number of megabytes between 0 and 25',
        })
      }
      break
    case 'group':
      if (depth > 0) {
        problems.push({ path: `${at}.type`, message: 'a group cannot contain another group' })
        break
      }
      checkBounds(field, 'minItems', 'maxItems', at, problems)
      checkFields(field.fields, `${at}.fields`, problems, depth + 1)
      break
  }
}

/** Which conditions a field type can drive, and with what values. */
const CONDITION_TYPES: Record<string, readonly string[]> = {
  equals: ['select', 'boolean'],
  in: ['select', 'multi_select'],
  notEmpty: ['text', 'long_text', 'number', 'money', 'date', 'select', 'multi_select', 'file'],
}

function checkCondition(
  when: unknown,
  at: string,
  earlier: Map<string, Record<string, any>>,
  problems: DefinitionProblem[]
) {
  if (!isObject(when)) {
    problems.push({ path: at, message: 'must be an object: { "field": "section.field", … }' })
    return
  }
  const operators = VISIBILITY_OPERATORS.filter((operator) => operator in when)
  const extra = Object.keys(when).filter(
    (key) => key !== 'field' && !(VISIBILITY_OPERATORS as readonly string[]).includes(key)
  )
  if (operators.length !== 1 || extra.length > 0) {
    problems.push({
      path: at,
      message: `needs "field" and exactly one of ${VISIBILITY_OPERATORS.join(', ')}`,
    })
    return
  }
  const operator = operators[0]
  const target = typeof when.field === 'string' ? earlier.get(when.field) : undefined
  if (!target) {
    problems.push({
      path: `${at}.field`,
      message: 'must name a field asked before this one ("section.field"), outside any group',
    })
    return
  }
  if (!CONDITION_TYPES[operator].includes(target.type)) {
    problems.push({
      path: `${at}.${operator}`,
      message: `"${operator}" does not apply to a ${target.type} field`,
    })
    return
  }
  const options = new Set<string>(
    Array.isArray(target.options) ? target.options.map((option: any) => option?.value) : []
  )
  const value = when[operator]
  if (operator === 'notEmpty') {
    if (value !== true) problems.push({ path: `${at}.notEmpty`, message: 'must be true' })
  } else if (operator === 'equals' && target.type === 'boolean') {
    if (typeof value !== 'boolean') {
      problems.push({ path: `${at}.equals`, message: 'must be true or false' })
    }
  } else if (operator === 'equals') {
    if (typeof value !== 'string' || !options.has(value)) {
      problems.push({ path: `${at}.equals`, message: "must be one of the field's options" })
    }
  } else if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((item) => typeof item !== 'string' || !options.has(item))
  ) {
    problems.push({ path: `${at}.in`, message: "must list some of the field's options" })
  }
}

/**
 * `visibleWhen` reads an answer asked earlier, at the top level of a section: a section's
 * condition a field of an earlier section, a field's condition an earlier field. Reading
 * only backwards is what rules out cycles.
 */
function checkConditions(sections: unknown[], problems: DefinitionProblem[]) {
  const earlier = new Map<string, Record<string, any>>()
  sections.forEach((section, sectionIndex) => {
    if (!isObject(section)) return
    const at = `sections[${sectionIndex}]`
    if (section.visibleWhen !== undefined) {
      checkCondition(section.visibleWhen, `${at}.visibleWhen`, earlier, problems)
      if (
        Array.isArray(section.fields) &&
        section.fields.some((field: unknown) => isObject(field) && field.requestedAmount === true)
      ) {
        problems.push({
          path: `${at}.visibleWhen`,
          message: 'the requested amount is always asked: its section cannot be conditional',
        })
      }
    }
    if (!Array.isArray(section.fields)) return
    section.fields.forEach((field: unknown, fieldIndex: number) => {
      if (!isObject(field)) return
      const fieldAt = `${at}.fields[${fieldIndex}]`
      if (field.visibleWhen !== undefined) {
        checkCondition(field.visibleWhen, `${fieldAt}.visibleWhen`, earlier, problems)
        if (field.requestedAmount === true) {
          problems.push({
            path: `${fieldAt}.visibleWhen`,
            message: 'the requested amount is always asked: it cannot be conditional',
          })
        }
      }
      if (
        typeof section.key === 'string' &&
        typeof field.key === 'string' &&
        field.type !== 'group'
      ) {
        earlier.set(`${section.key}.${field.key}`, field)
      }
    })
  })
}

/**
 * Every problem of a form definition, each with its exact path, or an empty list when
 * it can be used. Given the programme kind, also requires the requested amount where the
 * kind awards the amount asked. Never throws, whatever it is given.
 */
export function checkFormDefinition(definition: unknown, kind?: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  if (
    !isObject(definition) ||
    !Array.isArray(definition.sections) ||
    definition.sections.length === 0
  ) {
    return [{ path: 'sections', message: 'needs at least one section' }]
  }
  const seen = new Set<string>()
  definition.sections.forEach((section: unknown, index: number) => {
    const at = `sections[${index}]`
    if (!isObject(section)) {
      problems.push({ path: at, message: 'must be an object' })
      return
    }
    if (typeof section.key !== 'string' || !KEY.test(section.key)) {
      problems.push({
        path: `${at}.key`,
        message: 'must be lower snake case (a-z, 0-9, _), starting with a letter',
      })
    } else if (seen.has(section.key)) {
      problems.push({ path: `${at}.key`, message: `"${section.key}" is used twice` })
    } else {
      seen.add(section.key)
    }
    checkLocalized(section.title, `${at}.title`, problems)
    if (section.newPage !== undefined && typeof section.newPage !== 'boolean') {
      problems.push({ path: `${at}.newPage`, message: 'must be true or false' })
    }
    checkFields(section.fields, `${at}.fields`, problems, 0)
  })
  checkConditions(definition.sections, problems)
  if (problems.length === 0) checkRequestedAmount(definition as FormDefinition, kind, problems)
  return problems
}

export function isFormDefinition(definition: unknown): definition is FormDefinition {
  return checkFormDefinition(definition).length === 0
}
