import { checkLocalized, type DefinitionProblem } from '#programmes/forms/definition_checker'
import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'
import { isIsoDate } from '#eligibility/calendar_dates'
import {
  COUNT_OPERATORS,
  DATE_ANCHORS,
  DATE_OPERATORS,
  ENUM_OPERATORS,
  EQUALITY_OPERATORS,
  NUMBER_OPERATORS,
  OPERATORS,
  PRESENCE_OPERATORS,
  SET_OPERATORS,
  type Operator,
  type RuleSet,
} from '#eligibility/rule_set'

/** `{ path, message }`, e.g. `{ path: 'eligibility.all[2].any[0].operator', message: … }`. */
export type RuleSetProblem = DefinitionProblem

type Problems = RuleSetProblem[]
type Json = Record<string, any>

const KEY = /^[a-z][a-z0-9_]{0,62}$/
const FIELD_PATH = /^[a-z][a-z0-9_]{0,62}(\.[a-z][a-z0-9_]{0,62}){1,2}$/
/** Deeper nesting is no clearer, and the bound keeps the checker safe from any input. */
const MAX_GROUP_DEPTH = 6
const MAX_OFFSET = { years: 100, months: 1200, days: 36_500 }

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
/** At most two decimals, so that ×100 is a whole number of centimes or hundredths. */
const hasCents = (value: number) =>
  Number.isSafeInteger(Math.round(value * 100)) &&
  Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
const quoted = (values: readonly string[]) => values.join(', ')

function unknownKeys(value: Json, allowed: readonly string[], at: string, problems: Problems) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.push({
        path: at === '' ? key : `${at}.${key}`,
        message: `unknown key (expected ${quoted(allowed)})`,
      })
    }
  }
}

// ---------------------------------------------------------------------------------------
// Fields of the form, as the rules see them
// ---------------------------------------------------------------------------------------

/**
 * What a path names: a field's type, or `values` for a field inside a group (its values
 * across the group's entries), with the options when it has some.
 */
export interface FieldKind {
  kind: FieldDefinition['type'] | 'values'
  options?: Set<string>
}

function resolveField(form: FormDefinition, path: string): FieldKind | string {
  const [sectionKey, fieldKey, innerKey] = path.split('.')
  const section = form.sections.find((candidate) => candidate.key === sectionKey)
  if (!section) return `the form has no section "${sectionKey}"`
  const field = section.fields.find((candidate) => candidate.key === fieldKey)
  if (!field) return `section "${sectionKey}" has no field "${fieldKey}"`
  const optionsOf = (definition: FieldDefinition) =>
    definition.options ? new Set(definition.options.map((option) => option.value)) : undefined
  if (innerKey === undefined) return { kind: field.type, options: optionsOf(field) }
  if (field.type !== 'group') {
    return `${sectionKey}.${fieldKey} is a ${field.type} field, not a group`
  }
  const inner = field.fields?.find((candidate) => candidate.key === innerKey)
  if (!inner) return `group ${sectionKey}.${fieldKey} has no field "${innerKey}"`
  if (inner.type !== 'select') {
    return `only select fields inside a group can be used (${innerKey} is a ${inner.type})`
  }
  return { kind: 'values', options: optionsOf(inner) }
}

/** The operators that apply to each kind of field (also what the visual editor offers). */
export const OPERATORS_BY_KIND: Record<FieldKind['kind'], readonly Operator[]> = {
  number: [...EQUALITY_OPERATORS, ...NUMBER_OPERATORS, ...PRESENCE_OPERATORS],
  money: [...EQUALITY_OPERATORS, ...NUMBER_OPERATORS, ...PRESENCE_OPERATORS],
  date: [...EQUALITY_OPERATORS, ...DATE_OPERATORS, ...PRESENCE_OPERATORS],
  select: [...EQUALITY_OPERATORS, ...ENUM_OPERATORS, ...PRESENCE_OPERATORS],
  boolean: [...EQUALITY_OPERATORS, ...PRESENCE_OPERATORS],
  multi_select: [...SET_OPERATORS, ...COUNT_OPERATORS, ...PRESENCE_OPERATORS],
  values: [...SET_OPERATORS, ...COUNT_OPERATORS, ...PRESENCE_OPERATORS],
  group: [...COUNT_OPERATORS, ...PRESENCE_OPERATORS],
  text: PRESENCE_OPERATORS,
  long_text: PRESENCE_OPERATORS,
  file: PRESENCE_OPERATORS,
}

const describeKind = (kind: FieldKind['kind']) =>
  kind === 'values' ? 'field inside a group' : `${kind} field`

// ---------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------

/** A number, or `{ mad }` when the field is money (the kind says which, when known). */
function checkQuantity(value: unknown, at: string, problems: Problems, kind?: FieldKind['kind']) {
  if (isObject(value) && 'mad' in value) {
    unknownKeys(value, ['mad'], at, problems)
    if (!isFiniteNumber(value.mad) || !hasCents(value.mad)) {
      problems.push({
        path: `${at}.mad`,
        message: 'must be an amount of dirhams, at most 2 decimals',
      })
    } else if (kind !== undefined && kind !== 'money') {
      problems.push({
        path: at,
        message: `a ${describeKind(kind)} is compared with a plain number`,
      })
    }
    return
  }
  if (!isFiniteNumber(value)) {
    problems.push({
      path: at,
      message:
        kind === 'money'
          ? 'must be { "mad": amount }'
          : 'must be a number (or { "mad": amount } for money)',
    })
  } else if (kind === 'money') {
    problems.push({
      path: at,
      message: `money answers are centimes: write the amount in dirhams as { "mad": ${value} }`,
    })
  }
}

/** The comparable form of a valid quantity: centimes for `{ mad }`. */
const quantityKey = (value: unknown) =>
  isObject(value) ? Math.round(value.mad * 100) : (value as number)

function checkOption(
  value: unknown,
  at: string,
  problems: Problems,
  field?: FieldKind,
  what = 'an option'
) {
  if (typeof value !== 'string' || value === '') {
    problems.push({ path: at, message: `must be ${what} (non-empty text)` })
  } else if (field?.options && !field.options.has(value)) {
    problems.push({ path: at, message: `"${value}" is not an option of this field` })
  }
}

function checkOptionList(value: unknown, at: string, problems: Problems, field?: FieldKind) {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ path: at, message: 'must be a non-empty list of options' })
    return
  }
  const seen = new Set<unknown>()
  value.forEach((option, index) => {
    if (seen.has(option)) {
      problems.push({ path: `${at}[${index}]`, message: `"${option}" is listed twice` })
    }
    seen.add(option)
    checkOption(option, `${at}[${index}]`, problems, field)
  })
}

function checkDateValue(value: unknown, at: string, problems: Problems) {
  if (typeof value === 'string') {
    if (!isIsoDate(value)) problems.push({ path: at, message: 'must be a date written YYYY-MM-DD' })
    return
  }
  if (!isObject(value)) {
    problems.push({
      path: at,
      message: 'must be a date YYYY-MM-DD or { years?, months?, days?, before | after: anchor }',
    })
    return
  }
  unknownKeys(value, ['years', 'months', 'days', 'before', 'after'], at, problems)
  const anchors = ['before', 'after'].filter((key) => key in value)
  if (anchors.length !== 1) {
    problems.push({ path: at, message: 'needs exactly one of "before" or "after"' })
  } else if (!(DATE_ANCHORS as readonly string[]).includes(value[anchors[0]])) {
    problems.push({
      path: `${at}.${anchors[0]}`,
      message: `must be one of ${quoted(DATE_ANCHORS)}`,
    })
  }
  for (const unit of ['years', 'months', 'days'] as const) {
    const amount = value[unit]
    if (
      amount !== undefined &&
      !(Number.isInteger(amount) && amount >= 0 && amount <= MAX_OFFSET[unit])
    ) {
      problems.push({
        path: `${at}.${unit}`,
        message: `must be a whole number from 0 to ${MAX_OFFSET[unit]}`,
      })
    }
  }
}

function checkPair(value: unknown, at: string, problems: Problems): value is [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) {
    problems.push({ path: at, message: 'must be a pair [low, high]' })
    return false
  }
  return true
}

function checkConditionValue(
  operator: Operator,
  value: unknown,
  at: string,
  problems: Problems,
  field?: FieldKind
) {
  const kind = field?.kind
  const count = problems.length
  switch (operator) {
    case 'eq':
    case 'neq':
      if (kind === 'number' || kind === 'money') checkQuantity(value, at, problems, kind)
      else if (kind === 'select') checkOption(value, at, problems, field)
      else if (kind === 'date') checkDateValue(value, at, problems)
      else if (kind === 'boolean' && typeof value !== 'boolean') {
        problems.push({ path: at, message: 'must be true or false' })
      } else if (kind === undefined) {
        if (typeof value === 'string' || typeof value === 'boolean') break
        checkQuantity(value, at, problems)
      }
      if (kind === 'date' && typeof value !== 'string' && problems.length === count) {
        problems.push({ path: at, message: 'eq and neq take a date YYYY-MM-DD' })
      }
      break
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      checkQuantity(value, at, problems, kind)
      break
    case 'between':
      if (checkPair(value, at, problems)) {
        checkQuantity(value[0], `${at}[0]`, problems, kind)
        checkQuantity(value[1], `${at}[1]`, problems, kind)
        if (problems.length === count) {
          if (isObject(value[0]) !== isObject(value[1])) {
            problems.push({ path: at, message: 'both ends must be numbers, or both { mad }' })
          } else if (quantityKey(value[0]) > quantityKey(value[1])) {
            problems.push({ path: at, message: 'the low end is above the high end' })
          }
        }
      }
      break
    case 'in':
    case 'not_in':
    case 'contains_any':
    case 'contains_all':
      checkOptionList(value, at, problems, field)
      break
    case 'contains':
      checkOption(value, at, problems, field)
      break
    case 'present':
    case 'absent':
      if (value !== undefined) problems.push({ path: at, message: `${operator} takes no value` })
      break
    case 'before':
    case 'after':
      checkDateValue(value, at, problems)
      break
    case 'within':
      if (checkPair(value, at, problems)) {
        checkDateValue(value[0], `${at}[0]`, problems)
        checkDateValue(value[1], `${at}[1]`, problems)
        if (
          problems.length === count &&
          typeof value[0] === 'string' &&
          typeof value[1] === 'string' &&
          value[0] > value[1]
        ) {
          problems.push({ path: at, message: 'the first date is after the second' })
        }
      }
      break
    case 'count_gte':
    case 'count_lte':
      if (!(Number.isSafeInteger(value) && (value as number) >= 0)) {
        problems.push({ path: at, message: 'must be a whole number, 0 or more' })
      }
      break
  }
}

// ---------------------------------------------------------------------------------------
// Ids, fields, conditions and groups
// ---------------------------------------------------------------------------------------

class Checker {
  problems: Problems = []
  private ids = new Set<string>()

  constructor(private form?: FormDefinition) {}

  id(value: unknown, at: string) {
    if (typeof value !== 'string' || !KEY.test(value)) {
      this.problems.push({
        path: at,
        message: 'must be lower snake case (a-z, 0-9, _), starting with a letter',
      })
    } else if (this.ids.has(value)) {
      this.problems.push({ path: at, message: `"${value}" is used twice` })
    } else {
      this.ids.add(value)
    }
  }

  /** The field a path names (undefined without a form, null when it is wrong). */
  field(value: unknown, at: string): FieldKind | undefined | null {
    if (typeof value !== 'string' || !FIELD_PATH.test(value)) {
      this.problems.push({
        path: at,
        message: 'must be a path "section.field" (or "section.group.field")',
      })
      return null
    }
    if (!this.form) return undefined
    const resolved = resolveField(this.form, value)
    if (typeof resolved === 'string') {
      this.problems.push({ path: at, message: resolved })
      return null
    }
    return resolved
  }

  group(node: unknown, at: string, depth: number) {
    if (!isObject(node) || 'all' in node === 'any' in node) {
      this.problems.push({
        path: at,
        message: 'must be a group { "all": [...] } or { "any": [...] }',
      })
      return
    }
    const key = 'all' in node ? 'all' : 'any'
    unknownKeys(node, [key], at, this.problems)
    const nodes = node[key]
    if (!Array.isArray(nodes)) {
      this.problems.push({
        path: `${at}.${key}`,
        message: 'must be a list of conditions and groups',
      })
      return
    }
    // `{ all: [] }` at the top: everyone is eligible. Elsewhere an empty group is a mistake,
    // and an empty `any` could fail without naming a failed condition.
    if (nodes.length === 0 && !(depth === 0 && key === 'all')) {
      this.problems.push({ path: `${at}.${key}`, message: 'needs at least one condition' })
    }
    nodes.forEach((child: unknown, index: number) => {
      const childAt = `${at}.${key}[${index}]`
      if (isObject(child) && ('all' in child || 'any' in child)) {
        if (depth + 1 >= MAX_GROUP_DEPTH) {
          this.problems.push({
            path: childAt,
            message: `groups nest at most ${MAX_GROUP_DEPTH} deep`,
          })
        } else {
          this.group(child, childAt, depth + 1)
        }
      } else {
        this.condition(child, childAt)
      }
    })
  }

  condition(node: unknown, at: string) {
    if (!isObject(node)) {
      this.problems.push({
        path: at,
        message: 'must be a condition { id, field, operator, value, message }',
      })
      return
    }
    unknownKeys(node, ['id', 'field', 'operator', 'value', 'message'], at, this.problems)
    this.id(node.id, `${at}.id`)
    const field = this.field(node.field, `${at}.field`)
    checkLocalized(node.message, `${at}.message`, this.problems)
    const operator = node.operator
    if (!(OPERATORS as readonly unknown[]).includes(operator)) {
      this.problems.push({
        path: `${at}.operator`,
        message: `unknown operator ${JSON.stringify(operator) ?? 'undefined'} (one of ${quoted(OPERATORS)})`,
      })
      return
    }
    if (field === null) {
      checkConditionValue(operator, node.value, `${at}.value`, this.problems)
      return
    }
    if (field && !OPERATORS_BY_KIND[field.kind].includes(operator)) {
      this.problems.push({
        path: `${at}.operator`,
        message: `"${operator}" does not apply to a ${describeKind(field.kind)} (use ${quoted(OPERATORS_BY_KIND[field.kind])})`,
      })
      return
    }
    checkConditionValue(operator, node.value, `${at}.value`, this.problems, field)
  }

  // -------------------------------------------------------------------------------------
  // Criteria
  // -------------------------------------------------------------------------------------

  fraction(value: unknown, at: string) {
    if (!(isFiniteNumber(value) && value >= 0 && value <= 1)) {
      this.problems.push({ path: at, message: 'must be a fraction of the weight, from 0 to 1' })
    }
  }

  criteria(list: unknown) {
    if (!Array.isArray(list)) {
      this.problems.push({ path: 'scoring', message: 'must be a list of criteria (may be empty)' })
      return
    }
    let hundredths = 0
    let weightsValid = true
    list.forEach((criterion: unknown, index: number) => {
      const at = `scoring[${index}]`
      if (!isObject(criterion)) {
        this.problems.push({
          path: at,
          message: 'must be a criterion { id, label, field, weight, bands }',
        })
        weightsValid = false
        return
      }
      unknownKeys(
        criterion,
        ['id', 'label', 'field', 'weight', 'bands', 'otherwise'],
        at,
        this.problems
      )
      this.id(criterion.id, `${at}.id`)
      checkLocalized(criterion.label, `${at}.label`, this.problems)
      const weight = criterion.weight
      if (!(isFiniteNumber(weight) && weight > 0 && weight <= 100 && hasCents(weight))) {
        this.problems.push({
          path: `${at}.weight`,
          message: 'must be a number above 0 and up to 100, at most 2 decimals',
        })
        weightsValid = false
      } else {
        hundredths += Math.round(weight * 100)
      }
      if (criterion.otherwise !== undefined) this.fraction(criterion.otherwise, `${at}.otherwise`)
      const field = this.field(criterion.field, `${at}.field`)
      if (field && ['text', 'long_text', 'file'].includes(field.kind)) {
        this.problems.push({
          path: `${at}.field`,
          message: `a ${field.kind} field cannot be scored`,
        })
        return
      }
      this.bands(criterion.bands, `${at}.bands`, field ?? undefined)
    })
    if (weightsValid && list.length > 0 && hundredths !== 10_000) {
      this.problems.push({
        path: 'scoring',
        message: `the weights add up to ${hundredths / 100}; they must add up to 100`,
      })
    }
  }

  bands(bands: unknown, at: string, field?: FieldKind) {
    if (!Array.isArray(bands) || bands.length === 0) {
      this.problems.push({ path: at, message: 'needs at least one band' })
      return
    }
    let kindOfBands: 'range' | 'values' | undefined
    const ranges: Array<{ index: number; low: number | string; high: number | string }> = []
    const valuesSeen = new Map<unknown, number>()
    let boundType: string | undefined
    bands.forEach((band: unknown, index: number) => {
      const bandAt = `${at}[${index}]`
      if (!isObject(band)) {
        this.problems.push({
          path: bandAt,
          message: 'must be a band { min?, max?, equals?, in?, points }',
        })
        return
      }
      unknownKeys(band, ['min', 'max', 'equals', 'in', 'points'], bandAt, this.problems)
      this.fraction(band.points, `${bandAt}.points`)
      const isRange = 'min' in band || 'max' in band
      const isValues = 'equals' in band || 'in' in band
      if (isRange === isValues || ('equals' in band && 'in' in band)) {
        this.problems.push({
          path: bandAt,
          message: 'needs a range (min and/or max) or values (equals or in), not both',
        })
        return
      }
      const kind = isRange ? 'range' : 'values'
      if (kindOfBands !== undefined && kind !== kindOfBands) {
        this.problems.push({
          path: bandAt,
          message: `mixes ${kind} with the ${kindOfBands} of the bands before; a criterion's bands are all of one kind`,
        })
        return
      }
      kindOfBands = kind
      if (isRange) {
        const bounds = this.rangeBounds(band, bandAt, field)
        if (!bounds) return
        const [low, high, type] = bounds
        if (boundType !== undefined && type !== boundType) {
          this.problems.push({
            path: bandAt,
            message: 'bounds must be of one kind across the bands',
          })
          return
        }
        boundType = type
        const overlapping = ranges.find((other) => low < other.high && other.low < high)
        if (overlapping) {
          this.problems.push({
            path: bandAt,
            message: `overlaps band ${overlapping.index} (min is included, max is not)`,
          })
        }
        ranges.push({ index, low, high })
      } else {
        for (const [value, valueAt] of this.bandValues(band, bandAt, field)) {
          const other = valuesSeen.get(value)
          if (other !== undefined) {
            this.problems.push({ path: valueAt, message: `"${value}" is already in band ${other}` })
          } else {
            valuesSeen.set(value, index)
          }
        }
      }
    })
  }

  /** `[low, high, type]` with open ends as ±Infinity (or '' and '~' for dates). */
  private rangeBounds(
    band: Json,
    at: string,
    field?: FieldKind
  ): [number | string, number | string, string] | undefined {
    const kind = field?.kind
    if (kind === 'select' || kind === 'boolean') {
      this.problems.push({
        path: at,
        message: `a ${kind} field is scored by values (equals or in)`,
      })
      return
    }
    const count = this.problems.length
    const types = new Set<string>()
    for (const bound of ['min', 'max'] as const) {
      const value = band[bound]
      if (value === undefined) continue
      if ((typeof value === 'string' && kind === undefined) || kind === 'date') {
        if (!isIsoDate(value)) {
          this.problems.push({
            path: `${at}.${bound}`,
            message: 'must be a date written YYYY-MM-DD',
          })
        }
        types.add('date')
      } else {
        const numberKind =
          kind === 'group' || kind === 'multi_select' || kind === 'values' ? 'number' : kind
        checkQuantity(value, `${at}.${bound}`, this.problems, numberKind)
        types.add(isObject(value) ? 'mad' : 'number')
      }
    }
    if (this.problems.length > count) return
    if (types.size > 1) {
      this.problems.push({ path: at, message: 'min and max must be of one kind' })
      return
    }
    const type = [...types][0] ?? 'open'
    const low =
      band.min === undefined
        ? type === 'date'
          ? ''
          : -Infinity
        : type === 'date'
          ? band.min
          : quantityKey(band.min)
    const high =
      band.max === undefined
        ? type === 'date'
          ? '~'
          : Infinity
        : type === 'date'
          ? band.max
          : quantityKey(band.max)
    if (low >= high) {
      this.problems.push({
        path: at,
        message: 'min must be below max (min is included, max is not)',
      })
      return
    }
    return [low, high, type]
  }

  /** The values a band names, each with its path, once checked. */
  private bandValues(band: Json, at: string, field?: FieldKind): Array<[unknown, string]> {
    const kind = field?.kind
    if (kind === 'number' || kind === 'money' || kind === 'date' || kind === 'group') {
      this.problems.push({
        path: at,
        message: `a ${kind} field is scored by ranges (min and/or max)`,
      })
      return []
    }
    if ('equals' in band) {
      const value = band.equals
      if (kind === 'boolean' || (kind === undefined && typeof value === 'boolean')) {
        if (typeof value !== 'boolean') {
          this.problems.push({ path: `${at}.equals`, message: 'must be true or false' })
          return []
        }
        return [[value, `${at}.equals`]]
      }
      const count = this.problems.length
      checkOption(value, `${at}.equals`, this.problems, field)
      return this.problems.length > count ? [] : [[value, `${at}.equals`]]
    }
    if (kind === 'boolean') {
      this.problems.push({ path: `${at}.in`, message: 'a boolean field is scored with equals' })
      return []
    }
    const count = this.problems.length
    checkOptionList(band.in, `${at}.in`, this.problems, field)
    if (this.problems.length > count) return []
    return (band.in as string[]).map((value, index) => [value, `${at}.in[${index}]`])
  }
}

/**
 * Every problem of a rule set, each with its exact path, or an empty list when it can be
 * evaluated. With the call's form, fields must exist, operators and values must suit their
 * type (`{ mad }` for money, options of the select…). Never throws, whatever it is given.
 */
export function checkRuleSet(json: unknown, form?: FormDefinition): RuleSetProblem[] {
  if (!isObject(json)) {
    return [
      { path: '', message: 'must be a rule set { "eligibility": group, "scoring": [criteria] }' },
    ]
  }
  const checker = new Checker(form)
  unknownKeys(json, ['eligibility', 'scoring'], '', checker.problems)
  checker.group(json.eligibility, 'eligibility', 0)
  checker.criteria(json.scoring)
  return checker.problems
}

export function isRuleSet(json: unknown, form?: FormDefinition): json is RuleSet {
  return checkRuleSet(json, form).length === 0
}
