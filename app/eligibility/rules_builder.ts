import {
  freshKey,
  isRecord,
  listOf,
  localizedOf,
  move,
  textOf,
} from '#core/validators/posted_structure'
import type { LocalizedText } from '#core/i18n/localized_text'
import {
  OPERATORS,
  isConditionGroup,
  isMadAmount,
  type Band,
  type Condition,
  type Criterion,
  type RuleSet,
} from '#eligibility/rule_set'
import { OPERATORS_BY_KIND } from '#eligibility/rule_set_checker'
import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'

/**
 * The visual rules editor (staff), like the visual form editor: the rules travel as
 * structured form fields, every value as typed (`conditions[0][value]`), and each button
 * posts the whole set with its `command`, so the page works without JavaScript. Values are
 * read with the type of the form field they name (a money field's "200000" is
 * `{ "mad": 200000 }`); `{…}` or `[…]` is read as JSON (relative dates). What cannot be
 * read stays as typed, for `checkRuleSet` to name. Nested groups are for the JSON tab.
 */

export const RULES_BUILDER_LIMITS = { conditions: 100, criteria: 40, bands: 30 } as const

export interface BuilderCondition {
  id: string
  field: string
  operator: string
  /** The value; for `between` and `within`, the low end. */
  value: string
  /** The high end of `between` and `within`. */
  value2: string
  message: LocalizedText
}

export interface BuilderBand {
  min: string
  max: string
  equals: string
  in: string
  points: string
}

export interface BuilderCriterion {
  id: string
  label: LocalizedText
  field: string
  weight: string
  otherwise: string
  bands: BuilderBand[]
}

export interface RulesBuilder {
  combinator: 'all' | 'any'
  conditions: BuilderCondition[]
  criteria: BuilderCriterion[]
}

// ---------------------------------------------------------------------------------------
// Stored rules → what the inputs show
// ---------------------------------------------------------------------------------------

const LIST_OPERATORS = new Set(['in', 'not_in', 'contains_any', 'contains_all'])
const RANGE_OPERATORS = new Set(['between', 'within'])

function shown(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (isMadAmount(value)) return String(value.mad)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  return JSON.stringify(value)
}

/** The rules as the editor shows them, or null when they nest groups (JSON tab only). */
export function rulesBuilderOf(rules: RuleSet): RulesBuilder | null {
  const group = rules.eligibility
  const nodes = 'all' in group ? group.all : group.any
  if (nodes.some(isConditionGroup)) return null
  return {
    combinator: 'all' in group ? 'all' : 'any',
    conditions: (nodes as Condition[]).map((condition) => {
      const value: unknown = condition.value
      const range = RANGE_OPERATORS.has(condition.operator) && Array.isArray(value)
      return {
        id: condition.id,
        field: condition.field,
        operator: condition.operator,
        value: range
          ? shown(value[0])
          : LIST_OPERATORS.has(condition.operator) && Array.isArray(value)
            ? value.join(', ')
            : shown(value),
        value2: range ? shown(value[1]) : '',
        message: condition.message,
      }
    }),
    criteria: rules.scoring.map((criterion) => ({
      id: criterion.id,
      label: criterion.label,
      field: criterion.field,
      weight: shown(criterion.weight),
      otherwise: shown(criterion.otherwise),
      bands: criterion.bands.map((band) => ({
        min: shown(band.min),
        max: shown(band.max),
        equals: shown(band.equals),
        in: (band.in ?? []).join(', '),
        points: shown(band.points),
      })),
    })),
  }
}

// ---------------------------------------------------------------------------------------
// What was posted → the inputs again
// ---------------------------------------------------------------------------------------

/** What the editor posted. Never throws; keeps every typed text, drops the rest. */
export function rulesBuilderFromPost(input: unknown): RulesBuilder {
  const posted = isRecord(input) ? input : {}
  return {
    combinator: posted.combinator === 'any' ? 'any' : 'all',
    conditions: listOf(posted.conditions, RULES_BUILDER_LIMITS.conditions)
      .filter(isRecord)
      .map((condition) => ({
        id: textOf(condition.id, 63),
        field: textOf(condition.field, 200),
        operator: textOf(condition.operator, 20),
        value: textOf(condition.value),
        value2: textOf(condition.value2),
        message: localizedOf(condition.message),
      })),
    criteria: listOf(posted.criteria, RULES_BUILDER_LIMITS.criteria)
      .filter(isRecord)
      .map((criterion) => ({
        id: textOf(criterion.id, 63),
        label: localizedOf(criterion.label),
        field: textOf(criterion.field, 200),
        weight: textOf(criterion.weight, 40),
        otherwise: textOf(criterion.otherwise, 40),
        bands: listOf(criterion.bands, RULES_BUILDER_LIMITS.bands)
          .filter(isRecord)
          .map((band) => ({
            min: textOf(band.min, 200),
            max: textOf(band.max, 200),
            equals: textOf(band.equals, 200),
            in: textOf(band.in),
            points: textOf(band.points, 40),
          })),
      })),
  }
}

// ---------------------------------------------------------------------------------------
// The inputs → a rule set, read with the form's field types
// ---------------------------------------------------------------------------------------

/** Every answer path a rule may name, with its field: `section.field`, `section.group.field`. */
export function ruleFieldsOf(definition: FormDefinition | null | undefined) {
  const fields: Array<{ path: string; field: FieldDefinition; group?: FieldDefinition }> = []
  for (const section of definition?.sections ?? []) {
    for (const field of section.fields) {
      fields.push({ path: `${section.key}.${field.key}`, field })
      // Inside a group, only choices can be read (their values across the entries).
      for (const sub of field.type === 'group' ? (field.fields ?? []) : []) {
        if (sub.type !== 'select') continue
        fields.push({ path: `${section.key}.${field.key}.${sub.key}`, field: sub, group: field })
      }
    }
  }
  return fields
}

function numberOf(text: string): number | string {
  const number = Number(text.replace(',', '.').replace(/\s/g, ''))
  return text !== '' && Number.isFinite(number) ? number : text
}

/** One typed value, read as the field's type asks; JSON when it looks like JSON. */
function valueOf(text: string, type: string | undefined): unknown {
  if (/^[{[]/.test(text)) {
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  switch (type) {
    case 'money': {
      const mad = numberOf(text)
      return typeof mad === 'number' ? { mad } : text
    }
    case 'number':
    case 'group':
      return numberOf(text)
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text
    default:
      return text
  }
}

const listOfText = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** The rule set the inputs describe (for the checker, then the same save as the JSON tab). */
export function ruleSetOfBuilder(state: RulesBuilder, form: FormDefinition | null | undefined) {
  const types = new Map(ruleFieldsOf(form).map(({ path, field }) => [path, field.type]))
  const conditions = state.conditions.map((condition) => {
    const type = types.get(condition.field)
    const rule: Record<string, unknown> = {
      id: condition.id,
      field: condition.field,
      operator: condition.operator,
      message: condition.message,
    }
    const op = condition.operator
    if (op === 'present' || op === 'absent') {
      // No value.
    } else if (LIST_OPERATORS.has(op)) {
      rule.value = /^\[/.test(condition.value)
        ? valueOf(condition.value, type)
        : listOfText(condition.value)
    } else if (RANGE_OPERATORS.has(op)) {
      rule.value = [valueOf(condition.value, type), valueOf(condition.value2, type)]
    } else if (op === 'count_gte' || op === 'count_lte') {
      rule.value = numberOf(condition.value)
    } else if (op === 'contains') {
      rule.value = condition.value
    } else {
      rule.value = valueOf(condition.value, type)
    }
    return rule
  })
  const scoring = state.criteria.map((criterion) => {
    const type = types.get(criterion.field)
    // Counts for groups and multi-selects, values as the field has them otherwise.
    const rangeType = type === 'multi_select' || type === 'group' ? 'number' : type
    const kept: Record<string, unknown> = {
      id: criterion.id,
      label: criterion.label,
      field: criterion.field,
      weight: numberOf(criterion.weight),
      bands: criterion.bands.map((band) => {
        const read: Record<string, unknown> = { points: numberOf(band.points) }
        if (band.min !== '') read.min = valueOf(band.min, rangeType)
        if (band.max !== '') read.max = valueOf(band.max, rangeType)
        if (band.equals !== '') {
          read.equals = type === 'boolean' ? valueOf(band.equals, 'boolean') : band.equals
        }
        if (band.in !== '') read.in = listOfText(band.in)
        return read as unknown as Band
      }),
    }
    if (criterion.otherwise !== '') kept.otherwise = numberOf(criterion.otherwise)
    return kept as unknown as Criterion
  })
  return {
    eligibility:
      state.combinator === 'any'
        ? { any: conditions as unknown as Condition[] }
        : { all: conditions as unknown as Condition[] },
    scoring,
  } satisfies RuleSet
}

// ---------------------------------------------------------------------------------------
// Buttons
// ---------------------------------------------------------------------------------------

const COMMAND = /^([a-z_]{3,20})(?::(\d{1,4}))?(?:@(\d{1,4}))?$/

/** Applies one button of the rules editor (in place); `save`, `refresh` and unknowns change nothing. */
export function applyRulesCommand(state: RulesBuilder, command: unknown): boolean {
  const match = typeof command === 'string' ? COMMAND.exec(command) : null
  if (!match) return false
  const [, verb, a, b] = match
  const index = a === undefined ? -1 : Number(a)
  const bandIndex = b === undefined ? -1 : Number(b)
  const ids = () => [...state.conditions, ...state.criteria].map((item) => item.id)
  const criterion = state.criteria[index]
  switch (verb) {
    case 'add_condition':
      if (state.conditions.length >= RULES_BUILDER_LIMITS.conditions) return false
      state.conditions.push({
        id: freshKey('rule', ids()),
        field: '',
        operator: 'present',
        value: '',
        value2: '',
        message: {},
      })
      return true
    case 'remove_condition':
      if (!state.conditions[index]) return false
      state.conditions.splice(index, 1)
      return true
    case 'condition_up':
    case 'condition_down':
      move(state.conditions, index, verb === 'condition_up' ? -1 : 1)
      return true
    case 'add_criterion':
      if (state.criteria.length >= RULES_BUILDER_LIMITS.criteria) return false
      state.criteria.push({
        id: freshKey('criterion', ids()),
        label: {},
        field: '',
        weight: '',
        otherwise: '',
        bands: [{ min: '', max: '', equals: '', in: '', points: '1' }],
      })
      return true
    case 'remove_criterion':
      if (!criterion) return false
      state.criteria.splice(index, 1)
      return true
    case 'criterion_up':
    case 'criterion_down':
      move(state.criteria, index, verb === 'criterion_up' ? -1 : 1)
      return true
    case 'add_band':
      if (!criterion || criterion.bands.length >= RULES_BUILDER_LIMITS.bands) return false
      criterion.bands.push({ min: '', max: '', equals: '', in: '', points: '' })
      return true
    case 'remove_band':
      if (!criterion?.bands[bandIndex]) return false
      criterion.bands.splice(bandIndex, 1)
      return true
    default:
      return false
  }
}

/**
 * The operators offered for a field (those the checker accepts for its kind), or all of
 * them before a field is chosen.
 */
export function operatorsFor(path: string, definition: FormDefinition | null | undefined) {
  const found = ruleFieldsOf(definition).find((candidate) => candidate.path === path)
  if (!found) return OPERATORS
  return OPERATORS_BY_KIND[found.group ? 'values' : found.field.type]
}
