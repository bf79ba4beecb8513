import type { LocalizedText } from '#core/i18n/localized_text'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { isIsoDate, looksLikeIsoDate, shiftIsoDate } from '#eligibility/calendar_dates'
import { checkRuleSet, type RuleSetProblem } from '#eligibility/rule_set_checker'
import {
  isConditionGroup,
  isMadAmount,
  type Band,
  type Condition,
  type ConditionGroup,
  type Criterion,
  type DateValue,
  type Quantity,
  type RuleSet,
} from '#eligibility/rule_set'

/** The dates relative rules count from, 'YYYY-MM-DD' (Casablanca calendar days). */
export interface EvaluationContext {
  closingDate: string
  submissionDate: string
}

export interface RuleResult {
  id: string
  /** Whether the condition itself holds. */
  passed: boolean
  /**
   * Whether this failure is why the application is ineligible: the condition failed and so
   * did every group around it. A failed alternative of an `any` group that another
   * alternative satisfied is not blocking. Ineligible ⇔ at least one blocking rule.
   */
  blocking: boolean
  /** The rule's message, to show when it failed. */
  message: LocalizedText
  /**
   * The answer the rule looked at, as stored (money in centimes); for `count_*` the count;
   * for a field inside a group the list of its values; null when not answered.
   */
  actual: unknown
}

export interface Contribution {
  id: string
  label: LocalizedText
  weight: number
  /** Points earned, 0 to weight, rounded to 2 decimals. */
  points: number
  /** Index of the band that matched; null for `otherwise` or a missing answer. */
  band: number | null
}

export interface Evaluation {
  eligible: boolean
  /** Every condition, depth first in the order written. */
  rules: RuleResult[]
  /** 0–100: exactly the sum of the contributions' points (2 decimals). */
  score: number
  contributions: Contribution[]
}

export type Evaluator = (answers: FormAnswers, context: EvaluationContext) => Evaluation

export class InvalidRuleSetError extends Error {
  constructor(readonly problems: RuleSetProblem[]) {
    super(
      `invalid rule set: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`
    )
  }
}

// ---------------------------------------------------------------------------------------
// Reading answers
// ---------------------------------------------------------------------------------------

type Read = (answers: unknown) => unknown

const isMissing = (value: unknown) => value === undefined || value === null || value === ''

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads one key of an answers object (sections and group entries are never lists); keys
 * every object inherits, such as `constructor`, only when they are its own.
 */
function readerOf(key: string): (container: unknown) => unknown {
  if (key in Object.prototype) {
    return (container) =>
      isRecord(container) && Object.hasOwn(container, key) ? container[key] : undefined
  }
  return (container) => (isRecord(container) ? container[key] : undefined)
}

/** `section.field`, or `section.group.field`: the answered values across the entries. */
function compileRead(path: string): Read {
  const [sectionKey, fieldKey, innerKey] = path.split('.')
  const readSection = readerOf(sectionKey)
  const readField = readerOf(fieldKey)
  if (innerKey === undefined) return (answers) => readField(readSection(answers))
  const readInner = readerOf(innerKey)
  return (answers) => {
    const entries = readField(readSection(answers))
    if (!Array.isArray(entries)) return undefined
    const values: unknown[] = []
    for (const entry of entries) {
      const value = readInner(entry)
      if (!isMissing(value)) values.push(value)
    }
    return values
  }
}

// ---------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------

type Test = (value: unknown, context: EvaluationContext) => boolean

/** Numbers as they are, `{ mad }` as centimes (money answers hold centimes). */
const comparable = (value: Quantity | string | boolean) =>
  isMadAmount(value) ? Math.round(value.mad * 100) : value
const quantity = (value: Quantity) => (isMadAmount(value) ? Math.round(value.mad * 100) : value)

/** A date threshold; a relative one is worked out once per anchor date, not per answer. */
function compileDate(value: DateValue): (context: EvaluationContext) => string {
  if (typeof value === 'string') return () => value
  const before = 'before' in value
  const anchor = before ? value.before : value.after
  const key = anchor === 'closing_date' ? 'closingDate' : 'submissionDate'
  let lastAnchor: string | undefined
  let lastDate = ''
  return (context) => {
    const iso = context[key]
    if (iso !== lastAnchor) {
      lastDate = shiftIsoDate(iso, value, before ? -1 : 1)
      lastAnchor = iso
    }
    return lastDate
  }
}

function includesAny(answer: unknown[], wanted: readonly unknown[]) {
  for (const value of wanted) if (answer.includes(value)) return true
  return false
}

function includesAll(answer: unknown[], wanted: readonly unknown[]) {
  for (const value of wanted) if (!answer.includes(value)) return false
  return true
}

/** The test of a condition, given an answer that is there (not missing). */
function compileTest(condition: Condition): Test {
  switch (condition.operator) {
    case 'eq': {
      const expected = comparable(condition.value)
      return (value) => value === expected
    }
    case 'neq': {
      const expected = comparable(condition.value)
      return (value) => value !== expected
    }
    case 'gt': {
      const bound = quantity(condition.value)
      return (value) => typeof value === 'number' && value > bound
    }
    case 'gte': {
      const bound = quantity(condition.value)
      return (value) => typeof value === 'number' && value >= bound
    }
    case 'lt': {
      const bound = quantity(condition.value)
      return (value) => typeof value === 'number' && value < bound
    }
    case 'lte': {
      const bound = quantity(condition.value)
      return (value) => typeof value === 'number' && value <= bound
    }
    case 'between': {
      const low = quantity(condition.value[0])
      const high = quantity(condition.value[1])
      return (value) => typeof value === 'number' && value >= low && value <= high
    }
    case 'in': {
      const options = new Set<unknown>(condition.value)
      return (value) => typeof value === 'string' && options.has(value)
    }
    case 'not_in': {
      const options = new Set<unknown>(condition.value)
      return (value) => typeof value === 'string' && !options.has(value)
    }
    case 'contains': {
      const option = condition.value
      return (value) => Array.isArray(value) && value.includes(option)
    }
    case 'contains_any': {
      const options = condition.value
      return (value) => Array.isArray(value) && includesAny(value, options)
    }
    case 'contains_all': {
      const options = condition.value
      return (value) => Array.isArray(value) && includesAll(value, options)
    }
    case 'present':
      return (value) => !Array.isArray(value) || value.length > 0
    case 'absent':
      return (value) => Array.isArray(value) && value.length === 0
    case 'before': {
      const dateOf = compileDate(condition.value)
      return (value, context) => looksLikeIsoDate(value) && value < dateOf(context)
    }
    case 'after': {
      const dateOf = compileDate(condition.value)
      return (value, context) => looksLikeIsoDate(value) && value > dateOf(context)
    }
    case 'within': {
      const fromOf = compileDate(condition.value[0])
      const toOf = compileDate(condition.value[1])
      return (value, context) =>
        looksLikeIsoDate(value) && value >= fromOf(context) && value <= toOf(context)
    }
    case 'count_gte': {
      const count = condition.value
      return (value) => Array.isArray(value) && value.length >= count
    }
    case 'count_lte': {
      const count = condition.value
      return (value) => Array.isArray(value) && value.length <= count
    }
  }
}

interface CompiledCondition {
  id: string
  message: LocalizedText
  read: Read
  test: Test
  /** `absent`: the one operator a missing answer passes. */
  passesWhenMissing: boolean
  /** `count_*`: the count is what the rule looked at. */
  reportsCount: boolean
}

/** A group as indexes: conditions into the flat list, groups into the group list. */
interface CompiledGroup {
  index: number
  all: boolean
  conditions: number[]
  groups: CompiledGroup[]
  /** Children in written order: `true` for a group. */
  order: boolean[]
}

// ---------------------------------------------------------------------------------------
// Criteria
// ---------------------------------------------------------------------------------------

/** The index of the first band the answer falls in, or -1. */
type Match = (value: unknown) => number

function compileRangeMatch(bands: Band[]): Match {
  const isDate = bands.some((band) => typeof band.min === 'string' || typeof band.max === 'string')
  const isMoney = bands.some((band) => isMadAmount(band.min) || isMadAmount(band.max))
  const lows = bands.map((band) =>
    band.min === undefined ? (isDate ? '' : -Infinity) : comparable(band.min as Quantity | string)
  )
  const highs = bands.map((band) =>
    band.max === undefined ? (isDate ? '~' : Infinity) : comparable(band.max as Quantity | string)
  )
  const find = (value: number | string) => {
    for (const [index, low] of lows.entries()) {
      if (value >= low && value < highs[index]) return index
    }
    return -1
  }
  if (isDate) return (value) => (looksLikeIsoDate(value) ? find(value) : -1)
  if (isMoney) return (value) => (typeof value === 'number' ? find(value) : -1)
  // Numbers, or counts of a group's entries / a multi-select's options.
  return (value) =>
    typeof value === 'number' ? find(value) : Array.isArray(value) ? find(value.length) : -1
}

function compileValuesMatch(bands: Band[]): Match {
  const sets = bands.map((band) => new Set<unknown>(band.in ?? [band.equals]))
  return (value) => {
    for (const [index, set] of sets.entries()) {
      if (Array.isArray(value)) {
        for (const item of value) if (set.has(item)) return index
      } else if (set.has(value)) {
        return index
      }
    }
    return -1
  }
}

interface CompiledCriterion {
  id: string
  label: LocalizedText
  weight: number
  read: Read
  match: Match
  /** Per band, then for `otherwise`: the points in hundredths (integers, summed exactly). */
  bandHundredths: number[]
  otherwiseHundredths: number
}

/** Rounded once, to the hundredth: the contributions are these, the score their sum. */
const hundredthsOf = (weight: number, fraction: number) => Math.round(weight * fraction * 100)

function compileCriterion(criterion: Criterion): CompiledCriterion {
  const isRange = 'min' in criterion.bands[0] || 'max' in criterion.bands[0]
  return {
    id: criterion.id,
    label: criterion.label,
    weight: criterion.weight,
    read: compileRead(criterion.field),
    match: isRange ? compileRangeMatch(criterion.bands) : compileValuesMatch(criterion.bands),
    bandHundredths: criterion.bands.map((band) => hundredthsOf(criterion.weight, band.points)),
    otherwiseHundredths: hundredthsOf(criterion.weight, criterion.otherwise ?? 0),
  }
}

// ---------------------------------------------------------------------------------------
// The evaluator
// ---------------------------------------------------------------------------------------

function checkContextDate(value: unknown, name: string) {
  if (!isIsoDate(value)) throw new RangeError(`${name} must be a date YYYY-MM-DD, got ${value}`)
}

/**
 * Turns a rule set into an evaluator: paths, operators, money and dates are worked out
 * here once, so that evaluating an application reads its answers and little else. The
 * evaluator is pure and deterministic; it never throws on answers (a missing or ill-typed
 * answer fails its condition and scores nothing), only on a context date that is not
 * 'YYYY-MM-DD'. Throws `InvalidRuleSetError` when the rule set does not pass `checkRuleSet`.
 */
export function compileRuleSet(ruleSet: RuleSet): Evaluator {
  const problems = checkRuleSet(ruleSet)
  if (problems.length > 0) throw new InvalidRuleSetError(problems)

  const conditions: CompiledCondition[] = []
  let groupCount = 0
  const compileGroup = (group: ConditionGroup): CompiledGroup => {
    const all = 'all' in group
    const compiled: CompiledGroup = {
      index: groupCount++,
      all,
      conditions: [],
      groups: [],
      order: [],
    }
    for (const node of all ? group.all : group.any) {
      if (isConditionGroup(node)) {
        compiled.groups.push(compileGroup(node))
        compiled.order.push(true)
      } else {
        compiled.conditions.push(conditions.length)
        compiled.order.push(false)
        conditions.push({
          id: node.id,
          message: node.message,
          read: compileRead(node.field),
          test: compileTest(node),
          passesWhenMissing: node.operator === 'absent',
          reportsCount: node.operator === 'count_gte' || node.operator === 'count_lte',
        })
      }
    }
    return compiled
  }
  const root = compileGroup(ruleSet.eligibility)
  const criteria = ruleSet.scoring.map(compileCriterion)

  // Scratch space reused by every evaluation (evaluations never interleave: no await).
  const passed = new Uint8Array(conditions.length)
  const blocking = new Uint8Array(conditions.length)
  const actuals: unknown[] = new Array(conditions.length)

  const groupPassed = new Uint8Array(groupCount)

  const groupHolds = (group: CompiledGroup): boolean => {
    let holding = 0
    let condition = 0
    let inner = 0
    // No short cut: every group's verdict is needed to tell which failures are blocking.
    for (const isGroup of group.order) {
      const holds = isGroup
        ? groupHolds(group.groups[inner++])
        : passed[group.conditions[condition++]] === 1
      if (holds) holding++
    }
    const holds = group.all ? holding === group.order.length : holding > 0
    groupPassed[group.index] = holds ? 1 : 0
    return holds
  }
  // Called on failed groups only: their failed conditions are why, and so on down.
  const markBlocking = (group: CompiledGroup) => {
    for (const index of group.conditions) if (passed[index] === 0) blocking[index] = 1
    for (const inner of group.groups) if (groupPassed[inner.index] === 0) markBlocking(inner)
  }

  let checkedClosing: string | undefined
  let checkedSubmission: string | undefined

  return (answers, context) => {
    if (context.closingDate !== checkedClosing) {
      checkContextDate(context.closingDate, 'closingDate')
      checkedClosing = context.closingDate
    }
    if (context.submissionDate !== checkedSubmission) {
      checkContextDate(context.submissionDate, 'submissionDate')
      checkedSubmission = context.submissionDate
    }

    for (const [index, condition] of conditions.entries()) {
      const value = condition.read(answers)
      if (isMissing(value)) {
        passed[index] = condition.passesWhenMissing ? 1 : 0
        actuals[index] = null
      } else {
        passed[index] = condition.test(value, context) ? 1 : 0
        actuals[index] = condition.reportsCount && Array.isArray(value) ? value.length : value
      }
    }
    blocking.fill(0)
    const eligible = groupHolds(root)
    if (!eligible) markBlocking(root)

    const rules: RuleResult[] = new Array(conditions.length)
    for (const [index, condition] of conditions.entries()) {
      rules[index] = {
        id: condition.id,
        passed: passed[index] === 1,
        blocking: blocking[index] === 1,
        message: condition.message,
        actual: actuals[index],
      }
    }

    let total = 0
    const contributions: Contribution[] = new Array(criteria.length)
    for (const [index, criterion] of criteria.entries()) {
      const value = criterion.read(answers)
      let band: number | null = null
      let hundredths = 0
      if (!isMissing(value)) {
        const matched = criterion.match(value)
        if (matched >= 0) {
          band = matched
          hundredths = criterion.bandHundredths[matched]
        } else {
          hundredths = criterion.otherwiseHundredths
        }
      }
      total += hundredths
      contributions[index] = {
        id: criterion.id,
        label: criterion.label,
        weight: criterion.weight,
        points: hundredths / 100,
        band,
      }
    }
    return { eligible, rules, score: total / 100, contributions }
  }
}

/**
 * Evaluates one application. To evaluate many against the same rule set, compile it once
 * with `compileRuleSet` and call the evaluator.
 */
export function evaluate(
  ruleSet: RuleSet,
  answers: FormAnswers,
  context: EvaluationContext
): Evaluation {
  return compileRuleSet(ruleSet)(answers, context)
}
