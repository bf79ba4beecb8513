import type { LocalizedText } from '#core/i18n/localized_text'

/**
 * A call's eligibility rules and auto-score criteria, as data (DESIGN §4). Stored as JSON,
 * one version per change (`rule_set_versions.rules`); checked by `checkRuleSet` and
 * evaluated by `compileRuleSet` / `evaluate` (app/eligibility/evaluate.ts).
 *
 * ```json
 * {
 *   "eligibility": { "all": [
 *     { "id": "young_startup", "field": "startup.founded_on", "operator": "after",
 *       "value": { "years": 5, "before": "closing_date" },
 *       "message": { "fr": "La startup doit avoir été créée il y a moins de 5 ans." } },
 *     { "id": "grant_ceiling", "field": "funding.amount_requested", "operator": "lte",
 *       "value": { "mad": 2000000 }, "message": { "fr": "…" } }
 *   ] },
 *   "scoring": [
 *     { "id": "team_size", "label": { "fr": "Équipe" }, "field": "team.founders", "weight": 100,
 *       "bands": [{ "min": 1, "max": 2, "points": 0.4 }, { "min": 2, "points": 1 }] }
 *   ]
 * }
 * ```
 *
 * Fields are answer paths: `section.field`, or `section.group.field` for a field inside a
 * repeatable group (its values across the entries, used like a multi-select: `contains`,
 * `count_*`, e.g. `team.founders.gender` contains `female`).
 *
 * Money: answers hold integer centimes; rules are written in dirhams and say so, as
 * `{ "mad": 200000000 }`. A plain number is compared with the answer as it is (number
 * fields); a `{ mad }` amount is converted once to centimes and compared with the
 * centimes of a money answer. The checker refuses the one for the other when it has the form.
 *
 * Conditional fields (`visibleWhen`, app/programmes/forms/visibility.ts): a field the
 * answers hid was not asked, and its answer is dropped on submission, so a rule reads it
 * as absent: it fails every operator but `absent`, and a criterion on it scores 0.
 */
export interface RuleSet {
  /** Hard conditions; the application is eligible when this group holds. `{ all: [] }`: everyone. */
  eligibility: ConditionGroup
  /** Auto-score criteria, weights adding up to 100; empty: no auto-score (score 0). */
  scoring: Criterion[]
}

/** Every node must hold (`all`) or at least one (`any`); groups nest (up to 6 levels). */
export type ConditionGroup = { all: ConditionNode[] } | { any: ConditionNode[] }

export type ConditionNode = Condition | ConditionGroup

/** An amount of dirhams in a rule, compared with the integer centimes of a money answer. */
export interface MadAmount {
  mad: number
}

/** What a number or money field is compared with: a number, or dirhams for money. */
export type Quantity = number | MadAmount

export const DATE_ANCHORS = ['closing_date', 'submission_date'] as const
export type DateAnchor = (typeof DATE_ANCHORS)[number]

/**
 * A date counted from the call's closing date or the application's submission date,
 * e.g. `{ years: 5, before: 'closing_date' }`. Years and months move first (a day past the
 * end of the month falls back to its last day: 29 February − 1 year is 28 February), then
 * days. With no offset it is the anchor itself.
 */
export type RelativeDate =
  | { years?: number; months?: number; days?: number; before: DateAnchor }
  | { years?: number; months?: number; days?: number; after: DateAnchor }

/** `'YYYY-MM-DD'` or a relative date. */
export type DateValue = string | RelativeDate

export const NUMBER_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'between'] as const
export const EQUALITY_OPERATORS = ['eq', 'neq'] as const
export const ENUM_OPERATORS = ['in', 'not_in'] as const
export const SET_OPERATORS = ['contains', 'contains_any', 'contains_all'] as const
export const PRESENCE_OPERATORS = ['present', 'absent'] as const
export const DATE_OPERATORS = ['before', 'after', 'within'] as const
export const COUNT_OPERATORS = ['count_gte', 'count_lte'] as const

export const OPERATORS = [
  ...EQUALITY_OPERATORS,
  ...NUMBER_OPERATORS,
  ...ENUM_OPERATORS,
  ...SET_OPERATORS,
  ...PRESENCE_OPERATORS,
  ...DATE_OPERATORS,
  ...COUNT_OPERATORS,
] as const

export type Operator = (typeof OPERATORS)[number]

interface ConditionBase {
  /** Lower snake case, unique in the rule set (conditions and criteria together). */
  id: string
  /** Answer path, `section.field` or `section.group.field`. */
  field: string
  /** Shown when the condition fails, to the applicant and staff; `fr` is required. */
  message: LocalizedText
}

/**
 * One hard condition. A missing answer (absent, null or '') fails every operator but
 * `absent`. Semantics per operator:
 * - `eq`, `neq`: number, `{ mad }` (money), string (select, or a 'YYYY-MM-DD' date), boolean;
 * - `gt`, `gte`, `lt`, `lte`: number or `{ mad }`; `between`: `[low, high]`, both ends included;
 * - `in`, `not_in`: the select's answer is (not) one of the listed options;
 * - `contains` one option, `contains_any` / `contains_all` of the listed options: a
 *   multi-select's answer, or the values of a field inside a group;
 * - `present`, `absent` (no value): answered or not; an empty list counts as not answered;
 * - `before`, `after`: strictly earlier / later than the date; `within`: `[from, to]`,
 *   both ends included;
 * - `count_gte`, `count_lte`: the number of entries of a group, of selected options, or of
 *   entries answering a field inside a group.
 */
export type Condition =
  | (ConditionBase & { operator: 'eq' | 'neq'; value: Quantity | string | boolean })
  | (ConditionBase & { operator: 'gt' | 'gte' | 'lt' | 'lte'; value: Quantity })
  | (ConditionBase & { operator: 'between'; value: [Quantity, Quantity] })
  | (ConditionBase & {
      operator: 'in' | 'not_in' | 'contains_any' | 'contains_all'
      value: string[]
    })
  | (ConditionBase & { operator: 'contains'; value: string })
  | (ConditionBase & { operator: 'present' | 'absent'; value?: undefined })
  | (ConditionBase & { operator: 'before' | 'after'; value: DateValue })
  | (ConditionBase & { operator: 'within'; value: [DateValue, DateValue] })
  | (ConditionBase & { operator: 'count_gte' | 'count_lte'; value: number })

/**
 * One band of a criterion, either a range or a set of values (all bands of a criterion are
 * of the same kind; they may not overlap):
 * - range: `min` included, `max` excluded (either may be left open); numbers for number
 *   fields and counts (groups, multi-selects), `{ mad }` for money, 'YYYY-MM-DD' for dates;
 * - values: `equals` one value or `in` a list; for a multi-select (or a field inside a
 *   group) the band matches when the answer contains it (any of them).
 */
export interface Band {
  min?: Quantity | string
  max?: Quantity | string
  equals?: string | boolean
  in?: string[]
  /** Fraction of the criterion's weight earned, 0 to 1. */
  points: number
}

/**
 * A weighted auto-score criterion. The first band matching the answer gives its points ×
 * weight; none matching gives `otherwise` (0 if left out); a missing answer scores 0.
 */
export interface Criterion {
  /** Lower snake case, unique in the rule set. */
  id: string
  label: LocalizedText
  field: string
  /** Share of the 100 points, > 0, at most two decimals; the weights add up to 100. */
  weight: number
  bands: Band[]
  /** Fraction of the weight earned when the answer matches no band, 0 to 1. */
  otherwise?: number
}

export function isConditionGroup(node: ConditionNode): node is ConditionGroup {
  return 'all' in node || 'any' in node
}

export function isMadAmount(value: unknown): value is MadAmount {
  return typeof value === 'object' && value !== null && 'mad' in value
}

export function isRelativeDate(value: unknown): value is RelativeDate {
  return typeof value === 'object' && value !== null && ('before' in value || 'after' in value)
}
