import { localize } from '#core/i18n/localized_text'
import { intlTagOf } from '#core/i18n/locales'
import { dateTimeFormat, listFormat, numberFormat } from '#core/i18n/intl_formats'
import type { DateTime } from 'luxon'
import { inCasablanca } from '#core/casablanca_time'
import { Money } from '#core/money'
import { isIsoDate, shiftIsoDate } from '#eligibility/calendar_dates'
import {
  isConditionGroup,
  isMadAmount,
  isRelativeDate,
  type Band,
  type Condition,
  type ConditionGroup,
  type Criterion,
  type DateValue,
  type Operator,
  type RuleSet,
} from '#eligibility/rule_set'
import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'

/** `i18n.t`: a key of resources/lang/<locale>/eligibility_staff.json and its data. */
export type Translate = (key: string, data?: Record<string, unknown>) => string

export interface ConditionSummary {
  kind: 'condition'
  id: string
  /** The condition in words: "« Montant demandé » est inférieur ou égal à 500 000,00 MAD". */
  text: string
  /** What the applicant reads when it fails. */
  message: string
}

export interface GroupSummary {
  kind: 'group'
  /** Every node must hold (true) or at least one (false). */
  all: boolean
  nodes: Array<ConditionSummary | GroupSummary>
}

export interface CriterionSummary {
  id: string
  label: string
  fieldLabel: string
  weight: number
  /** Each band in words with the points it earns: "de 1 à moins de 3 : 40 pts". */
  bands: string[]
  /** Points for an answer matching no band, in words; null when left out (0). */
  otherwise: string | null
}

export interface RuleSetSummary {
  eligibility: GroupSummary
  /** `{ all: [] }`: every submitted application is eligible. */
  everyoneEligible: boolean
  criteria: CriterionSummary[]
  /** The heaviest weight, the full length of the weight bars. */
  maxWeight: number
}

interface SummaryOptions {
  /** The call's current form: field labels and option labels come from it. */
  form?: FormDefinition | null
  locale: string
  t: Translate
  /** The call's closing day 'YYYY-MM-DD' (Casablanca), to date relative rules. */
  closingDate?: string
}

const KEY = 'eligibility_staff.summary'

/** A field as the officer reads it, and its definition when the form has it. */
interface NamedField {
  label: string
  definition?: FieldDefinition
}

/**
 * Turns a rule set into sentences in the officer's language: field labels and option
 * labels from the call's form, amounts in dirhams, dates written out, relative dates
 * dated from the call's closing day. Whatever does not match the form (a field removed
 * since) is shown as written, never dropped.
 */
class Describer {
  private numbers: Intl.NumberFormat
  private dates: Intl.DateTimeFormat
  private tag: string

  constructor(private settings: SummaryOptions) {
    this.tag = intlTagOf(settings.locale)
    this.numbers = numberFormat(this.tag, { maximumFractionDigits: 2 })
    this.dates = dateTimeFormat(this.tag, { dateStyle: 'long', timeZone: 'UTC' })
  }

  private t(key: string, data?: Record<string, unknown>) {
    return this.settings.t(`${KEY}.${key}`, data)
  }

  private localize(text: Parameters<typeof localize>[0]) {
    return localize(text, this.settings.locale)
  }

  field(path: string): NamedField {
    const [sectionKey, fieldKey, innerKey] = path.split('.')
    const field = this.settings.form?.sections
      .find((section) => section.key === sectionKey)
      ?.fields.find((candidate) => candidate.key === fieldKey)
    if (!field) return { label: path }
    if (innerKey === undefined) return { label: this.localize(field.label), definition: field }
    const inner = field.fields?.find((candidate) => candidate.key === innerKey)
    if (!inner) return { label: path }
    return {
      label: `${this.localize(field.label)} — ${this.localize(inner.label)}`,
      definition: inner,
    }
  }

  number(value: number) {
    return this.numbers.format(value)
  }

  /** A plain number, or dirhams for `{ mad }`. */
  quantity(value: unknown): string {
    if (isMadAmount(value) && Number.isFinite(value.mad)) {
      return Money.ofCentimes(Math.round(value.mad * 100)).format(this.settings.locale)
    }
    return typeof value === 'number' ? this.number(value) : JSON.stringify(value)
  }

  option(value: unknown, field: NamedField): string {
    const option = field.definition?.options?.find((candidate) => candidate.value === value)
    return option ? this.localize(option.label) : String(value)
  }

  optionList(values: unknown, field: NamedField, type: Intl.ListFormatType): string {
    if (!Array.isArray(values)) return JSON.stringify(values)
    const list = listFormat(this.tag, { type, style: 'long' })
    return list.format(values.map((value) => this.option(value, field)))
  }

  calendarDay(iso: string) {
    const [year, month, day] = iso.split('-').map(Number)
    return this.dates.format(Date.UTC(year, month - 1, day))
  }

  /** A calendar day, or a relative date ("5 ans avant la date de clôture (soit le …)"). */
  date(value: DateValue): string {
    if (typeof value === 'string') return isIsoDate(value) ? this.calendarDay(value) : value
    if (!isRelativeDate(value)) return JSON.stringify(value)
    const direction = 'before' in value ? 'before' : 'after'
    const anchor = 'before' in value ? value.before : value.after
    const parts = (['years', 'months', 'days'] as const)
      .filter((unit) => value[unit])
      .map((unit) => this.t(`dates.${unit}`, { count: value[unit] }))
    const anchorText = this.t(`dates.${anchor}`)
    const text =
      parts.length === 0
        ? anchorText
        : this.t(`dates.${direction}`, {
            offset: listFormat(this.tag, { type: 'conjunction' }).format(parts),
            anchor: anchorText,
          })
    const closing = this.settings.closingDate
    if (anchor !== 'closing_date' || !closing || !isIsoDate(closing)) return text
    const day = shiftIsoDate(closing, value, direction === 'before' ? -1 : 1)
    return this.t('dates.dated', { when: text, date: this.calendarDay(day) })
  }

  /** A date a condition is before, after or within: "le 1 janvier 2025" for a day. */
  private dateBound(value: DateValue): string {
    return typeof value === 'string' && isIsoDate(value)
      ? this.t('dates.on', { date: this.calendarDay(value) })
      : this.date(value)
  }

  /** What `eq` / `neq` compare with: yes/no, a number or amount, a date, an option. */
  scalar(value: unknown, field: NamedField): string {
    if (typeof value === 'boolean') return this.t(value ? 'values.yes' : 'values.no')
    if (typeof value === 'number' || isMadAmount(value)) return this.quantity(value)
    const isDate = field.definition ? field.definition.type === 'date' : isIsoDate(value)
    if (typeof value === 'string' && isDate) return this.date(value)
    return this.option(value, field)
  }

  condition(condition: Condition): ConditionSummary {
    const field = this.field(condition.field)
    return {
      kind: 'condition',
      id: condition.id,
      text: this.t(`operators.${condition.operator}`, {
        field: field.label,
        ...this.conditionValues(condition, field),
      }),
      message: this.localize(condition.message),
    }
  }

  private conditionValues(condition: Condition, field: NamedField): Record<string, unknown> {
    switch (condition.operator) {
      case 'eq':
      case 'neq':
        return { value: this.scalar(condition.value, field) }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return { value: this.quantity(condition.value) }
      case 'between':
        return {
          low: this.quantity(condition.value[0]),
          high: this.quantity(condition.value[1]),
        }
      case 'in':
      case 'contains_any':
        return { values: this.optionList(condition.value, field, 'disjunction') }
      case 'not_in':
      case 'contains_all':
        return { values: this.optionList(condition.value, field, 'conjunction') }
      case 'contains':
        return { value: this.option(condition.value, field) }
      case 'present':
      case 'absent':
        return {}
      case 'before':
      case 'after':
        return { value: this.dateBound(condition.value) }
      case 'within':
        return {
          from: this.dateBound(condition.value[0]),
          to: this.dateBound(condition.value[1]),
        }
      case 'count_gte':
      case 'count_lte':
        return { count: condition.value }
    }
  }

  group(group: ConditionGroup): GroupSummary {
    const all = 'all' in group
    return {
      kind: 'group',
      all,
      nodes: (all ? group.all : group.any).map((node) =>
        isConditionGroup(node) ? this.group(node) : this.condition(node)
      ),
    }
  }

  private bound(value: unknown) {
    return typeof value === 'string' ? this.date(value) : this.quantity(value)
  }

  /** Which answers a band takes: a range (min included, max not) or values. */
  private band(band: Band, field: NamedField): string {
    if (band.min !== undefined && band.max !== undefined) {
      return this.t('bands.range', { min: this.bound(band.min), max: this.bound(band.max) })
    }
    if (band.min !== undefined) return this.t('bands.from', { min: this.bound(band.min) })
    if (band.max !== undefined) return this.t('bands.below', { max: this.bound(band.max) })
    if (band.in !== undefined) return this.optionList(band.in, field, 'disjunction')
    return this.scalar(band.equals, field)
  }

  private points(weight: number, fraction: number) {
    return this.t('bands.points', {
      points: this.number(Math.round(weight * fraction * 100) / 100),
    })
  }

  criterion(criterion: Criterion): CriterionSummary {
    const field = this.field(criterion.field)
    return {
      id: criterion.id,
      label: this.localize(criterion.label),
      fieldLabel: field.label,
      weight: criterion.weight,
      bands: criterion.bands.map((band) =>
        this.t('bands.line', {
          when: this.band(band, field),
          points: this.points(criterion.weight, band.points),
        })
      ),
      otherwise:
        criterion.otherwise === undefined
          ? null
          : this.t('bands.otherwise', {
              points: this.points(criterion.weight, criterion.otherwise),
            }),
    }
  }
}

/** The rule set in words; expects a rule set that passes `checkRuleSet` without a form. */
export function summarizeRuleSet(ruleSet: RuleSet, options: SummaryOptions): RuleSetSummary {
  const describer = new Describer(options)
  const criteria = ruleSet.scoring.map((criterion) => describer.criterion(criterion))
  return {
    eligibility: describer.group(ruleSet.eligibility),
    everyoneEligible: 'all' in ruleSet.eligibility && ruleSet.eligibility.all.length === 0,
    criteria,
    maxWeight: Math.max(0, ...criteria.map((criterion) => criterion.weight)),
  }
}

/** One example per operator for the help panel (JSON as the officer writes it). */
/**
 * A call's rule set in the reader's language, with its form's labels and relative dates
 * dated from the call's closing day: the officers' rules page and the public call page.
 */
export function summarizeCallRules(
  ruleSet: RuleSet,
  call: { closesAt: DateTime },
  form: FormDefinition | null | undefined,
  i18n: { locale: string; t: Translate }
): RuleSetSummary {
  return summarizeRuleSet(ruleSet, {
    form,
    locale: i18n.locale,
    t: (key, data) => i18n.t(key, data),
    closingDate: inCasablanca(call.closesAt).toISODate() ?? undefined,
  })
}

export const OPERATOR_EXAMPLES: ReadonlyArray<{ operator: Operator; example: string }> = [
  { operator: 'eq', example: '"field": "profile.women_led", "operator": "eq", "value": true' },
  {
    operator: 'neq',
    example: '"field": "startup.legal_form", "operator": "neq", "value": "other"',
  },
  { operator: 'gt', example: '"field": "team.size", "operator": "gt", "value": 1' },
  {
    operator: 'gte',
    example: '"field": "profile.experience_years", "operator": "gte", "value": 5',
  },
  {
    operator: 'lt',
    example: '"field": "startup.revenue", "operator": "lt", "value": { "mad": 10000000 }',
  },
  {
    operator: 'lte',
    example: '"field": "funding.amount", "operator": "lte", "value": { "mad": 2000000 }',
  },
  {
    operator: 'between',
    example: '"field": "profile.age", "operator": "between", "value": [18, 35]',
  },
  {
    operator: 'in',
    example: '"field": "startup.stage", "operator": "in", "value": ["ideation", "early"]',
  },
  {
    operator: 'not_in',
    example: '"field": "startup.region", "operator": "not_in", "value": ["casablanca_settat"]',
  },
  {
    operator: 'contains',
    example: '"field": "startup.sectors", "operator": "contains", "value": "agritech"',
  },
  {
    operator: 'contains_any',
    example:
      '"field": "startup.sectors", "operator": "contains_any", "value": ["agritech", "cleantech"]',
  },
  {
    operator: 'contains_all',
    example: '"field": "startup.markets", "operator": "contains_all", "value": ["ma", "africa"]',
  },
  { operator: 'present', example: '"field": "project.deck", "operator": "present"' },
  { operator: 'absent', example: '"field": "employment.notice_end", "operator": "absent"' },
  {
    operator: 'before',
    example: '"field": "startup.founded_on", "operator": "before", "value": "2025-01-01"',
  },
  {
    operator: 'after',
    example:
      '"field": "startup.founded_on", "operator": "after", "value": { "years": 5, "before": "closing_date" }',
  },
  {
    operator: 'within',
    example:
      '"field": "profile.birth_date", "operator": "within", "value": [{ "years": 35, "before": "closing_date" }, { "years": 18, "before": "closing_date" }]',
  },
  {
    operator: 'count_gte',
    example: '"field": "team.founders", "operator": "count_gte", "value": 2',
  },
  {
    operator: 'count_lte',
    example: '"field": "startup.sectors", "operator": "count_lte", "value": 3',
  },
]

/** The order officers write a rule set's keys in (jsonb hands them back sorted by length). */
const KEY_ORDER = [
  'eligibility',
  'scoring',
  'all',
  'any',
  'id',
  'label',
  'field',
  'operator',
  'value',
  'weight',
  'bands',
  'otherwise',
  'message',
  'min',
  'max',
  'equals',
  'in',
  'points',
  'fr',
  'ar',
  'zgh',
  'en',
  'mad',
  'years',
  'months',
  'days',
  'before',
  'after',
]
const rank = (key: string) => {
  const index = KEY_ORDER.indexOf(key)
  return index === -1 ? KEY_ORDER.length : index
}

/** The rule set as JSON for the editor: two-space indents, keys in the order they are written. */
export function prettyRuleSet(rules: unknown): string {
  return JSON.stringify(
    rules,
    (_key, value: unknown) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
      const entries = Object.entries(value).sort(
        ([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
      )
      return Object.fromEntries(entries)
    },
    2
  )
}
