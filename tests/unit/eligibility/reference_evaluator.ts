import { DateTime } from 'luxon'
import type {
  Band,
  Condition,
  ConditionGroup,
  ConditionNode,
  DateValue,
  RuleSet,
} from '#eligibility/rule_set'
import type { Evaluation, EvaluationContext } from '#eligibility/evaluate'

/*
 * A second evaluator written straight from the documented semantics, one answer at a time
 * and without any precompilation, with Luxon for the date arithmetic. The property tests
 * check that the compiled evaluator agrees with it on any rule set and answers.
 */

const missing = (value: unknown) => value === undefined || value === null || value === ''
const own = (container: unknown, key: string): unknown =>
  typeof container === 'object' &&
  container !== null &&
  !Array.isArray(container) &&
  Object.hasOwn(container, key)
    ? (container as any)[key]
    : undefined

function answerAt(answers: unknown, path: string): unknown {
  const [section, field, inner] = path.split('.')
  const value = own(own(answers, section), field)
  if (inner === undefined) return value
  if (!Array.isArray(value)) return undefined
  return value.map((entry) => own(entry, inner)).filter((item) => !missing(item))
}

const cents = (value: any) =>
  typeof value === 'object' && value !== null ? Math.round(value.mad * 100) : value
const isDateText = (value: unknown): value is string =>
  typeof value === 'string' && /^.{4}-.{2}-.{2}$/s.test(value)

function dateOf(value: DateValue, context: EvaluationContext): string {
  if (typeof value === 'string') return value
  const anchor = 'before' in value ? value.before : value.after
  const start = DateTime.fromISO(
    anchor === 'closing_date' ? context.closingDate : context.submissionDate,
    { zone: 'utc' }
  )
  const offset = { years: value.years ?? 0, months: value.months ?? 0, days: value.days ?? 0 }
  return ('before' in value ? start.minus(offset) : start.plus(offset)).toISODate()!
}

function holds(condition: Condition, value: unknown, context: EvaluationContext): boolean {
  if (missing(value)) return condition.operator === 'absent'
  const v = value as any
  const list = Array.isArray(value) ? (value as unknown[]) : null
  switch (condition.operator) {
    case 'eq':
      return v === cents(condition.value)
    case 'neq':
      return v !== cents(condition.value)
    case 'gt':
      return typeof v === 'number' && v > cents(condition.value)
    case 'gte':
      return typeof v === 'number' && v >= cents(condition.value)
    case 'lt':
      return typeof v === 'number' && v < cents(condition.value)
    case 'lte':
      return typeof v === 'number' && v <= cents(condition.value)
    case 'between':
      return (
        typeof v === 'number' && v >= cents(condition.value[0]) && v <= cents(condition.value[1])
      )
    case 'in':
      return typeof v === 'string' && condition.value.includes(v)
    case 'not_in':
      return typeof v === 'string' && !condition.value.includes(v)
    case 'contains':
      return list !== null && list.includes(condition.value)
    case 'contains_any':
      return list !== null && condition.value.some((option) => list.includes(option))
    case 'contains_all':
      return list !== null && condition.value.every((option) => list.includes(option))
    case 'present':
      return list === null || list.length > 0
    case 'absent':
      return list !== null && list.length === 0
    case 'before':
      return isDateText(v) && v < dateOf(condition.value, context)
    case 'after':
      return isDateText(v) && v > dateOf(condition.value, context)
    case 'within':
      return (
        isDateText(v) &&
        v >= dateOf(condition.value[0], context) &&
        v <= dateOf(condition.value[1], context)
      )
    case 'count_gte':
      return list !== null && list.length >= condition.value
    case 'count_lte':
      return list !== null && list.length <= condition.value
  }
}

function bandMatches(band: Band, value: unknown): boolean {
  if ('equals' in band || 'in' in band) {
    const wanted: unknown[] = band.in ?? [band.equals]
    return Array.isArray(value)
      ? value.some((item) => wanted.includes(item))
      : wanted.includes(value)
  }
  const bounds = [band.min, band.max].filter((bound) => bound !== undefined)
  const byDate = bounds.some((bound) => typeof bound === 'string')
  const byMoney = bounds.some((bound) => typeof bound === 'object')
  let subject: number | string
  if (byDate) {
    if (!isDateText(value)) return false
    subject = value
  } else if (typeof value === 'number') {
    subject = value
  } else if (Array.isArray(value) && !byMoney) {
    subject = value.length
  } else {
    return false
  }
  return (
    (band.min === undefined || subject >= cents(band.min)) &&
    (band.max === undefined || subject < cents(band.max))
  )
}

export function referenceEvaluate(
  ruleSet: RuleSet,
  answers: unknown,
  context: EvaluationContext
): Evaluation {
  const rules: Evaluation['rules'] = []
  const verdicts = new Map<ConditionNode, boolean>()
  const isGroup = (node: ConditionNode): node is ConditionGroup => 'all' in node || 'any' in node
  const verdict = (node: ConditionNode): boolean => {
    let passed: boolean
    if (isGroup(node)) {
      const results = ('all' in node ? node.all : node.any).map(verdict)
      passed = 'all' in node ? results.every(Boolean) : results.some(Boolean)
    } else {
      const value = answerAt(answers, node.field)
      passed = holds(node, value, context)
      const counted = node.operator === 'count_gte' || node.operator === 'count_lte'
      rules.push({
        id: node.id,
        passed,
        blocking: false,
        message: node.message,
        actual: missing(value) ? null : counted && Array.isArray(value) ? value.length : value,
      })
    }
    verdicts.set(node, passed)
    return passed
  }
  const eligible = verdict(ruleSet.eligibility)

  // A failed rule blocks when every group around it failed too.
  const markBlocking = (group: ConditionGroup) => {
    for (const node of 'all' in group ? group.all : group.any) {
      if (verdicts.get(node)) continue
      if (isGroup(node)) markBlocking(node)
      else rules.find((rule) => rule.id === node.id)!.blocking = true
    }
  }
  if (!eligible) markBlocking(ruleSet.eligibility)

  const contributions = ruleSet.scoring.map((criterion) => {
    const value = answerAt(answers, criterion.field)
    const band = missing(value) ? -1 : criterion.bands.findIndex((b) => bandMatches(b, value))
    const fraction = missing(value)
      ? 0
      : band >= 0
        ? criterion.bands[band].points
        : (criterion.otherwise ?? 0)
    return {
      id: criterion.id,
      label: criterion.label,
      weight: criterion.weight,
      points: Math.round(criterion.weight * fraction * 100) / 100,
      band: band >= 0 ? band : null,
    }
  })
  const hundredths = contributions.reduce(
    (sum, contribution) => sum + Math.round(contribution.points * 100),
    0
  )
  return { eligible, rules, score: hundredths / 100, contributions }
}
