import { test } from '@japa/runner'
import { compileRuleSet, evaluate, InvalidRuleSetError } from '#eligibility/evaluate'
import { OPERATORS, type Condition, type Criterion, type RuleSet } from '#eligibility/rule_set'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { message } from '#tests/unit/eligibility/fixtures'

const CONTEXT = { closingDate: '2026-06-30', submissionDate: '2026-06-15' }

type Rule = Omit<Condition, 'id' | 'message'> & { id?: string }

/** Whether one condition passes for the given answers. */
function passes(rule: Rule, answers: FormAnswers, context = CONTEXT) {
  const condition = { id: 'rule', message: message('Refusé'), ...rule } as Condition
  const result = evaluate({ eligibility: { all: [condition] }, scoring: [] }, answers, context)
  return result.rules[0].passed
}

const profile = (answers: Record<string, unknown>): FormAnswers => ({ profile: answers })

test.group('Eligibility conditions, per operator', () => {
  test('eq and neq compare numbers, options, booleans and dates as answered', ({ assert }) => {
    const field = 'profile.value'
    assert.isTrue(passes({ field, operator: 'eq', value: 5 }, profile({ value: 5 })))
    assert.isFalse(passes({ field, operator: 'eq', value: 5 }, profile({ value: 6 })))
    assert.isFalse(passes({ field, operator: 'eq', value: 5 }, profile({ value: '5' })))
    assert.isTrue(passes({ field, operator: 'eq', value: 'sarl' }, profile({ value: 'sarl' })))
    assert.isTrue(passes({ field, operator: 'eq', value: true }, profile({ value: true })))
    assert.isFalse(passes({ field, operator: 'eq', value: true }, profile({ value: 'true' })))
    assert.isTrue(
      passes({ field, operator: 'eq', value: '2024-01-31' }, profile({ value: '2024-01-31' }))
    )
    assert.isTrue(passes({ field, operator: 'neq', value: 'sa' }, profile({ value: 'sarl' })))
    assert.isFalse(passes({ field, operator: 'neq', value: 'sa' }, profile({ value: 'sa' })))
  })

  test('gt, gte, lt and lte hold on their side of the bound only', ({ assert }) => {
    const field = 'profile.experience_years'
    const at = (value: number) => profile({ experience_years: value })
    assert.deepEqual(
      [4, 5, 6].map((years) => passes({ field, operator: 'gte', value: 5 }, at(years))),
      [false, true, true]
    )
    assert.deepEqual(
      [4, 5, 6].map((years) => passes({ field, operator: 'gt', value: 5 }, at(years))),
      [false, false, true]
    )
    assert.deepEqual(
      [4, 5, 6].map((years) => passes({ field, operator: 'lte', value: 5 }, at(years))),
      [true, true, false]
    )
    assert.deepEqual(
      [4, 5, 6].map((years) => passes({ field, operator: 'lt', value: 5 }, at(years))),
      [true, false, false]
    )
    // Numbers typed as text are not numbers: submitted answers are already cast.
    assert.isFalse(passes({ field, operator: 'gte', value: 5 }, profile({ experience_years: '9' })))
  })

  test('between includes both ends', ({ assert }) => {
    const rule: Rule = { field: 'profile.age', operator: 'between', value: [18, 35] }
    assert.deepEqual(
      [17, 18, 26, 35, 36].map((age) => passes(rule, profile({ age }))),
      [false, true, true, true, false]
    )
  })

  test('money rules are written in dirhams and compared with the centimes answered', ({
    assert,
  }) => {
    // "fund target size ≥ 200 M MAD"
    const rule: Rule = { field: 'fund.target_size', operator: 'gte', value: { mad: 200_000_000 } }
    assert.isTrue(passes(rule, { fund: { target_size: 20_000_000_000 } }))
    assert.isFalse(passes(rule, { fund: { target_size: 19_999_999_999 } }))
    const cents: Rule = {
      field: 'fund.target_size',
      operator: 'between',
      value: [{ mad: 0.5 }, { mad: 1000.99 }],
    }
    assert.deepEqual(
      [49, 50, 100_099, 100_100].map((centimes) =>
        passes(cents, { fund: { target_size: centimes } })
      ),
      [false, true, true, false]
    )
    assert.isTrue(
      passes(
        { field: 'fund.target_size', operator: 'eq', value: { mad: 12.3 } },
        {
          fund: { target_size: 1230 },
        }
      )
    )
  })

  test('in and not_in check a select answer against a list of options', ({ assert }) => {
    const field = 'startup.region'
    const outside = ['casablanca_settat', 'rabat_sale_kenitra']
    const at = (region: unknown) => ({ startup: { region } })
    assert.isTrue(passes({ field, operator: 'in', value: outside }, at('rabat_sale_kenitra')))
    assert.isFalse(passes({ field, operator: 'in', value: outside }, at('oriental')))
    assert.isTrue(passes({ field, operator: 'not_in', value: outside }, at('oriental')))
    assert.isFalse(passes({ field, operator: 'not_in', value: outside }, at('casablanca_settat')))
    assert.isFalse(passes({ field, operator: 'not_in', value: outside }, at(['oriental'])))
  })

  test('contains, contains_any and contains_all read a multi-select as a set', ({ assert }) => {
    const field = 'strategy.sectors'
    const at = (sectors: string[]) => ({ strategy: { sectors } })
    const chosen = at(['fintech', 'agritech'])
    assert.isTrue(passes({ field, operator: 'contains', value: 'agritech' }, chosen))
    assert.isFalse(passes({ field, operator: 'contains', value: 'edtech' }, chosen))
    assert.isTrue(passes({ field, operator: 'contains_any', value: ['edtech', 'fintech'] }, chosen))
    assert.isFalse(
      passes({ field, operator: 'contains_any', value: ['edtech', 'govtech'] }, chosen)
    )
    assert.isTrue(
      passes({ field, operator: 'contains_all', value: ['agritech', 'fintech'] }, chosen)
    )
    assert.isFalse(
      passes({ field, operator: 'contains_all', value: ['agritech', 'edtech'] }, chosen)
    )
    assert.isFalse(passes({ field, operator: 'contains', value: 'agritech' }, at([])))
  })

  test('a field inside a group is read across its entries: a women-led team', ({ assert }) => {
    const rule: Rule = { field: 'team.founders.gender', operator: 'contains', value: 'female' }
    const team = (...genders: Array<string | null>) => ({
      team: { founders: genders.map((gender) => ({ full_name: 'X', gender })) },
    })
    assert.isTrue(passes(rule, team('male', 'female')))
    assert.isFalse(passes(rule, team('male', 'undisclosed')))
    assert.isTrue(
      passes(
        { field: 'team.founders.gender', operator: 'count_gte', value: 2 },
        team('male', 'female', null)
      )
    )
    assert.isFalse(
      passes(
        { field: 'team.founders.gender', operator: 'count_gte', value: 3 },
        team('male', 'female', null)
      )
    )
    const result = evaluate(
      {
        eligibility: {
          all: [
            {
              id: 'women',
              field: 'team.founders.gender',
              operator: 'contains',
              value: 'female',
              message: message('F'),
            },
          ],
        },
        scoring: [],
      },
      team('male', null, 'female'),
      CONTEXT
    )
    assert.deepEqual(result.rules[0].actual, ['male', 'female'])
  })

  test('present and absent tell answered fields from unanswered ones', ({ assert }) => {
    const field = 'documents.statutes'
    const at = (statutes: unknown) => ({ documents: { statutes } })
    for (const answered of [12, 'text', false, 0, ['a'], [{ name: 'x' }]]) {
      assert.isTrue(passes({ field, operator: 'present' }, at(answered)), String(answered))
      assert.isFalse(passes({ field, operator: 'absent' }, at(answered)), String(answered))
    }
    for (const unanswered of [undefined, null, '', []]) {
      assert.isFalse(passes({ field, operator: 'present' }, at(unanswered)), String(unanswered))
      assert.isTrue(passes({ field, operator: 'absent' }, at(unanswered)), String(unanswered))
    }
    assert.isTrue(passes({ field, operator: 'absent' }, {}))
  })

  test('before and after are strict; within includes both ends', ({ assert }) => {
    const field = 'project.planned_start_on'
    const at = (date: string) => ({ project: { planned_start_on: date } })
    const days = ['2026-12-31', '2027-01-01', '2027-01-02']
    assert.deepEqual(
      days.map((date) => passes({ field, operator: 'before', value: '2027-01-01' }, at(date))),
      [true, false, false]
    )
    assert.deepEqual(
      days.map((date) => passes({ field, operator: 'after', value: '2027-01-01' }, at(date))),
      [false, false, true]
    )
    assert.deepEqual(
      ['2026-06-29', '2026-06-30', '2026-09-30', '2026-10-01'].map((date) =>
        passes(
          // Starts between the closing date and three months after it.
          {
            field,
            operator: 'within',
            value: [{ after: 'closing_date' }, { months: 3, after: 'closing_date' }],
          },
          at(date)
        )
      ),
      [false, true, true, false]
    )
  })

  test('"created less than 5 years before the closing date", across leap years', ({ assert }) => {
    const young: Rule = {
      field: 'startup.founded_on',
      operator: 'after',
      value: { years: 5, before: 'closing_date' },
    }
    const founded = (date: string, closingDate: string) =>
      passes(young, { startup: { founded_on: date } }, { ...CONTEXT, closingDate })

    // An ordinary year: exactly 5 years is not less than 5 years.
    assert.isFalse(founded('2021-06-30', '2026-06-30'))
    assert.isTrue(founded('2021-07-01', '2026-06-30'))
    // Closing on 29 February: five years earlier has no 29 February, so 28 February.
    assert.isFalse(founded('2023-02-28', '2028-02-29'))
    assert.isTrue(founded('2023-03-01', '2028-02-29'))
    // Founded on 29 February, closing five years later on 28 February.
    assert.isTrue(founded('2024-02-29', '2029-02-28'))
    assert.isFalse(founded('2024-02-28', '2029-02-28'))
    // Leap day to leap day (4 years).
    const fourYears: Rule = { ...young, value: { years: 4, before: 'closing_date' } }
    const context = { ...CONTEXT, closingDate: '2028-02-29' }
    assert.isFalse(passes(fourYears, { startup: { founded_on: '2024-02-29' } }, context))
    assert.isTrue(passes(fourYears, { startup: { founded_on: '2024-03-01' } }, context))
  })

  test('relative dates count from the submission date too, with days and months', ({ assert }) => {
    // Resigned at most 6 months and 10 days before submitting.
    const rule: Rule = {
      field: 'experience.resigned_on',
      operator: 'after',
      value: { months: 6, days: 10, before: 'submission_date' },
    }
    const resigned = (date: string, submissionDate: string) =>
      passes(rule, { experience: { resigned_on: date } }, { ...CONTEXT, submissionDate })
    // 2026-08-31 − 6 months = 2026-02-28 (clamped), − 10 days = 2026-02-18.
    assert.isFalse(resigned('2026-02-18', '2026-08-31'))
    assert.isTrue(resigned('2026-02-19', '2026-08-31'))
    // The same rule for another application submitted on another day.
    assert.isFalse(resigned('2025-12-05', '2026-06-15'))
    assert.isTrue(resigned('2025-12-06', '2026-06-15'))
  })

  test('count_gte and count_lte count group entries and selected options', ({ assert }) => {
    const founders = (n: number) => ({
      team: { founders: Array.from({ length: n }, () => ({ full_name: 'X' })) },
    })
    const atLeastTwo: Rule = { field: 'team.founders', operator: 'count_gte', value: 2 }
    const atMostThree: Rule = { field: 'team.founders', operator: 'count_lte', value: 3 }
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((n) => [
        passes(atLeastTwo, founders(n)),
        passes(atMostThree, founders(n)),
      ]),
      [
        [false, true],
        [false, true],
        [true, true],
        [true, true],
        [true, false],
      ]
    )
    assert.isTrue(
      passes(
        { field: 'strategy.stages', operator: 'count_lte', value: 2 },
        {
          strategy: { stages: ['seed', 'series_a'] },
        }
      )
    )
  })

  test('a missing answer fails every operator but absent', ({ assert }) => {
    const values: Record<string, unknown> = {
      eq: 1,
      neq: 1,
      gt: 1,
      gte: 1,
      lt: 1,
      lte: 1,
      between: [0, 2],
      in: ['a'],
      not_in: ['a'],
      contains: 'a',
      contains_any: ['a'],
      contains_all: ['a'],
      before: '2030-01-01',
      after: '2000-01-01',
      within: ['2000-01-01', '2030-01-01'],
      count_gte: 0,
      count_lte: 5,
    }
    for (const operator of OPERATORS) {
      for (const answers of [{}, { profile: {} }, profile({ x: null }), profile({ x: '' })]) {
        const rule = { field: 'profile.x', operator, value: values[operator] } as Rule
        assert.equal(passes(rule, answers), operator === 'absent', `${operator}`)
      }
    }
  })

  test('keys inherited by every object are never read as answers', ({ assert }) => {
    assert.isFalse(passes({ field: 'profile.constructor', operator: 'present' }, profile({})))
    assert.isFalse(
      passes({ field: 'profile.length', operator: 'present' }, { profile: [1, 2] as any })
    )
    assert.isTrue(
      passes(
        { field: 'profile.constructor', operator: 'eq', value: 3 },
        profile({ constructor: 3 })
      )
    )
  })
})

test.group('Eligibility verdicts', () => {
  const condition = (id: string, field: string, value: number): Condition => ({
    id,
    field,
    operator: 'gte',
    value,
    message: message(`Il faut ${field} ≥ ${value}`),
  })
  // Experience ≥ 5 years, or a PhD with 2 years; and at least one founder.
  const rules: RuleSet = {
    eligibility: {
      all: [
        {
          any: [
            condition('experienced', 'profile.years', 5),
            {
              all: [
                condition('doctor', 'profile.phd', 1),
                condition('some_years', 'profile.years', 2),
              ],
            },
          ],
        },
        {
          id: 'team',
          field: 'team.founders',
          operator: 'count_gte',
          value: 1,
          message: message('Équipe'),
        },
      ],
    },
    scoring: [],
  }
  const team = { founders: [{ full_name: 'A' }] }

  test('every rule is reported in the order written, with what it read', ({ assert }) => {
    const result = evaluate(rules, { profile: { years: 3, phd: 1 }, team }, CONTEXT)
    assert.isTrue(result.eligible)
    assert.deepEqual(
      result.rules.map(({ id, passed, blocking, actual }) => ({ id, passed, blocking, actual })),
      [
        { id: 'experienced', passed: false, blocking: false, actual: 3 },
        { id: 'doctor', passed: true, blocking: false, actual: 1 },
        { id: 'some_years', passed: true, blocking: false, actual: 3 },
        { id: 'team', passed: true, blocking: false, actual: 1 },
      ]
    )
  })

  test('an ineligible verdict blames the failed rules whose groups failed', ({ assert }) => {
    const result = evaluate(rules, { profile: { years: 1 }, team: { founders: [] } }, CONTEXT)
    assert.isFalse(result.eligible)
    assert.deepEqual(
      result.rules.filter((rule) => rule.blocking).map((rule) => rule.id),
      ['experienced', 'doctor', 'some_years', 'team']
    )
    assert.deepEqual(result.rules[0].message, message('Il faut profile.years ≥ 5'))
    assert.isNull(result.rules[1].actual)
    assert.equal(result.rules[3].actual, 0)

    // With one alternative met, only the team is to blame.
    const onlyTeam = evaluate(rules, { profile: { years: 7 }, team: { founders: [] } }, CONTEXT)
    assert.deepEqual(
      onlyTeam.rules.filter((rule) => rule.blocking).map((rule) => rule.id),
      ['team']
    )
    assert.deepEqual(
      onlyTeam.rules.filter((rule) => !rule.passed).map((rule) => rule.id),
      ['doctor', 'team']
    )
  })

  test('an empty top-level group lets everyone through', ({ assert }) => {
    const result = evaluate({ eligibility: { all: [] }, scoring: [] }, {}, CONTEXT)
    assert.deepEqual(result, { eligible: true, rules: [], score: 0, contributions: [] })
  })

  test('a rule set that does not pass the checker is refused, with its problems', ({ assert }) => {
    const broken = { eligibility: { any: [] }, scoring: [] } as unknown as RuleSet
    try {
      compileRuleSet(broken)
      assert.fail('should have been refused')
    } catch (error) {
      assert.instanceOf(error, InvalidRuleSetError)
      assert.deepEqual((error as InvalidRuleSetError).problems, [
        { path: 'eligibility.any', message: 'needs at least one condition' },
      ])
    }
  })

  test('context dates must be YYYY-MM-DD', ({ assert }) => {
    const evaluator = compileRuleSet(rules)
    assert.throws(
      () => evaluator({}, { closingDate: '30/06/2026', submissionDate: '2026-06-01' }),
      /closingDate must be a date/
    )
    assert.throws(
      () => evaluator({}, { closingDate: '2026-06-30', submissionDate: '2026-02-30' }),
      /submissionDate must be a date/
    )
  })
})

test.group('Auto-score', () => {
  const label = { fr: 'Critère' }
  const criterion = (
    field: string,
    weight: number,
    bands: Criterion['bands'],
    otherwise?: number
  ) =>
    ({
      id: `by_${field.replaceAll('.', '_')}`,
      label,
      field,
      weight,
      bands,
      otherwise,
    }) as Criterion

  const scoring: Criterion[] = [
    // Years of experience, banded.
    criterion('profile.years', 30, [
      { max: 2, points: 0 },
      { min: 2, max: 5, points: 0.5 },
      { min: 5, max: 10, points: 0.8 },
      { min: 10, points: 1 },
    ]),
    // Territorial equity: outside Casablanca-Rabat.
    criterion(
      'startup.region',
      20,
      [{ in: ['casablanca_settat', 'rabat_sale_kenitra'], points: 0 }],
      1
    ),
    // Sector priority.
    criterion('startup.sectors', 15, [
      { equals: 'agritech', points: 1 },
      { in: ['cleantech', 'healthtech'], points: 0.6 },
    ]),
    // Team completeness.
    criterion('team.founders', 15, [
      { min: 1, max: 2, points: 0.3 },
      { min: 2, max: 4, points: 1 },
      { min: 4, points: 0.7 },
    ]),
    // Women-led bonus.
    criterion('team.founders.gender', 10, [{ equals: 'female', points: 1 }]),
    // Revenue, in dirhams.
    criterion('startup.revenue', 10, [
      { max: { mad: 100_000 }, points: 0.25 },
      { min: { mad: 100_000 }, points: 1 },
    ]),
  ]
  const rules: RuleSet = { eligibility: { all: [] }, scoring }

  test('each criterion explains its points and the score is their sum', ({ assert }) => {
    const result = evaluate(
      rules,
      {
        profile: { years: 5 },
        startup: { region: 'souss_massa', sectors: ['fintech', 'cleantech'], revenue: 10_000_000 },
        team: { founders: [{ gender: 'male' }, { gender: 'female' }] },
      },
      CONTEXT
    )
    assert.deepEqual(
      result.contributions.map(({ weight, points, band }) => ({ weight, points, band })),
      [
        { weight: 30, points: 24, band: 2 },
        { weight: 20, points: 20, band: null },
        { weight: 15, points: 9, band: 1 },
        { weight: 15, points: 15, band: 1 },
        { weight: 10, points: 10, band: 0 },
        { weight: 10, points: 10, band: 1 },
      ]
    )
    assert.equal(result.score, 88)
    assert.deepEqual(result.contributions[0].label, label)
  })

  test('a missing answer scores nothing, even where otherwise would pay', ({ assert }) => {
    const result = evaluate(rules, {}, CONTEXT)
    assert.equal(result.score, 0)
    assert.isTrue(result.contributions.every((c) => c.points === 0 && c.band === null))
  })

  test('band edges: min is included, max is not', ({ assert }) => {
    const years = (value: number) =>
      evaluate(rules, { profile: { years: value } }, CONTEXT).contributions[0]
    assert.deepEqual(
      [0, 1.99, 2, 4.5, 5, 10, 40].map((value) => years(value).band),
      [0, 0, 1, 1, 2, 3, 3]
    )
    const revenue = (centimes: number) =>
      evaluate(rules, { startup: { revenue: centimes } }, CONTEXT).contributions[5].band
    assert.deepEqual([9_999_999, 10_000_000].map(revenue), [0, 1])
  })

  test('dates and booleans can be banded too', ({ assert }) => {
    const result = evaluate(
      {
        eligibility: { all: [] },
        scoring: [
          criterion('startup.founded_on', 50, [
            { max: '2020-01-01', points: 0.2 },
            { min: '2020-01-01', points: 1 },
          ]),
          criterion('startup.women_led', 50, [{ equals: true, points: 1 }]),
        ],
      },
      { startup: { founded_on: '2019-12-31', women_led: true } },
      CONTEXT
    )
    assert.deepEqual(
      result.contributions.map((c) => [c.points, c.band]),
      [
        [10, 0],
        [50, 0],
      ]
    )
    assert.equal(result.score, 60)
  })

  test('contributions are rounded to the hundredth and the score adds them up exactly', ({
    assert,
  }) => {
    const thirds: RuleSet = {
      eligibility: { all: [] },
      scoring: ['a', 'b', 'c'].map((key, index) => ({
        id: key,
        label,
        field: `s.${key}`,
        weight: index === 2 ? 33.34 : 33.33,
        bands: [{ min: 0, points: 1 / 3 }],
      })),
    }
    const result = evaluate(thirds, { s: { a: 1, b: 1, c: 1 } }, CONTEXT)
    assert.deepEqual(
      result.contributions.map((c) => c.points),
      [11.11, 11.11, 11.11]
    )
    assert.equal(result.score, 33.33)
  })
})
