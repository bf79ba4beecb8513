import { test } from '@japa/runner'
import fc from 'fast-check'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import type { RuleSet } from '#eligibility/rule_set'
import { APPLICATION_FORMS } from '#database/forms/index'
import { message, testForm } from '#tests/unit/eligibility/fixtures'

/** DESIGN §4's examples, against the seeded startup offer form. */
const startupRules: RuleSet = {
  eligibility: {
    all: [
      {
        id: 'young_startup',
        field: 'startup.founded_on',
        operator: 'after',
        value: { years: 5, before: 'closing_date' },
        message: message('La startup doit avoir été créée il y a moins de 5 ans.'),
      },
      {
        id: 'registered',
        field: 'startup.legal_form',
        operator: 'not_in',
        value: ['not_registered'],
        message: message('La startup doit être immatriculée.'),
      },
      {
        id: 'grant_ceiling',
        field: 'funding.amount_requested',
        operator: 'lte',
        value: { mad: 2_000_000 },
        message: message('Le montant demandé dépasse le plafond.'),
      },
      {
        id: 'team',
        field: 'team.founders',
        operator: 'count_gte',
        value: 1,
        message: message('Au moins un fondateur.'),
      },
      {
        any: [
          {
            id: 'early_stage',
            field: 'startup.stage',
            operator: 'in',
            value: ['ideation', 'early'],
            message: message('Stade précoce.'),
          },
          {
            id: 'has_revenue',
            field: 'traction.monthly_revenue',
            operator: 'between',
            value: [{ mad: 1 }, { mad: 500_000 }],
            message: message('Chiffre d’affaires modeste.'),
          },
        ],
      },
      {
        id: 'pitch_deck',
        field: 'documents.pitch_deck',
        operator: 'present',
        message: message('Le pitch deck est requis.'),
      },
    ],
  },
  scoring: [
    {
      id: 'territorial_equity',
      label: { fr: 'Équité territoriale' },
      field: 'startup.region',
      weight: 25,
      bands: [{ in: ['casablanca_settat', 'rabat_sale_kenitra'], points: 0.2 }],
      otherwise: 1,
    },
    {
      id: 'sector_priority',
      label: { fr: 'Secteur prioritaire' },
      field: 'startup.sector',
      weight: 25,
      bands: [
        { in: ['agritech', 'cleantech', 'ai_data'], points: 1 },
        { equals: 'healthtech', points: 0.7 },
      ],
    },
    {
      id: 'team_completeness',
      label: { fr: 'Équipe' },
      field: 'team.founders',
      weight: 20,
      bands: [
        { min: 1, max: 2, points: 0.4 },
        { min: 2, points: 1 },
      ],
    },
    {
      id: 'women_led',
      label: { fr: 'Équipe féminine' },
      field: 'team.founders.gender',
      weight: 15,
      bands: [{ equals: 'female', points: 1 }],
    },
    {
      id: 'traction',
      label: { fr: 'Traction' },
      field: 'traction.monthly_revenue',
      weight: 15,
      bands: [
        { max: { mad: 10_000 }, points: 0.3 },
        { min: { mad: 10_000 }, max: { mad: 100_000 }, points: 0.7 },
        { min: { mad: 100_000 }, points: 1 },
      ],
    },
  ],
}

const broken = () => structuredClone(startupRules) as any
const pathsOf = (json: unknown, form = testForm) => checkRuleSet(json, form).map((p) => p.path)

test.group('Rule set checker', () => {
  test('realistic rule sets for the seeded forms have no problem', ({ assert }) => {
    assert.deepEqual(checkRuleSet(startupRules, APPLICATION_FORMS.startup_offer), [])
    assert.deepEqual(checkRuleSet(startupRules), [])
    const livingGrant: RuleSet = {
      eligibility: {
        all: [
          {
            id: 'experience',
            field: 'experience.years_of_experience',
            operator: 'gte',
            value: 5,
            message: message('Au moins 5 ans d’expérience.'),
          },
          {
            id: 'start_soon',
            field: 'project.planned_start_on',
            operator: 'within',
            value: [{ after: 'closing_date' }, { months: 6, after: 'closing_date' }],
            message: message('Démarrage dans les 6 mois.'),
          },
        ],
      },
      scoring: [
        {
          id: 'disruptive',
          label: { fr: 'Innovation de rupture' },
          field: 'project.innovation_type',
          weight: 100,
          bands: [
            { equals: 'disruptive', points: 1 },
            { equals: 'growth', points: 0.5 },
          ],
        },
      ],
    }
    assert.deepEqual(checkRuleSet(livingGrant, APPLICATION_FORMS.living_grant), [])
    const vcCall: RuleSet = {
      eligibility: {
        all: [
          {
            id: 'fund_size',
            field: 'fund.target_size',
            operator: 'gte',
            value: { mad: 200_000_000 },
            message: message('Taille cible ≥ 200 M MAD.'),
          },
          {
            id: 'morocco_share',
            field: 'strategy.morocco_share',
            operator: 'gte',
            value: 50,
            message: message('Au moins 50 % pour les startups marocaines.'),
          },
        ],
      },
      scoring: [],
    }
    assert.deepEqual(checkRuleSet(vcCall, APPLICATION_FORMS.vc_call), [])
  })

  test('each problem is reported with its exact path', ({ assert }) => {
    const rules = broken()
    rules.eligibility.all[0].operator = 'younger_than'
    rules.eligibility.all[1].field = 'startup.legal_status'
    rules.eligibility.all[2].operator = 'contains'
    rules.eligibility.all[3].message = { en: 'At least one founder' }
    rules.eligibility.all[4].any[1].id = 'team'
    rules.scoring[1].bands[1].points = 1.5
    rules.scoring[2].bands[1].min = 1
    rules.scoring[4].weight = 20
    const problems = checkRuleSet(rules, APPLICATION_FORMS.startup_offer)
    assert.deepEqual(problems, [
      {
        path: 'eligibility.all[0].operator',
        message:
          'unknown operator "younger_than" (one of eq, neq, gt, gte, lt, lte, between, in, not_in, contains, contains_any, contains_all, present, absent, before, after, within, count_gte, count_lte)',
      },
      {
        path: 'eligibility.all[1].field',
        message: 'section "startup" has no field "legal_status"',
      },
      {
        path: 'eligibility.all[2].operator',
        message:
          '"contains" does not apply to a money field (use eq, neq, gt, gte, lt, lte, between, present, absent)',
      },
      {
        path: 'eligibility.all[3].message',
        message: 'needs a French text ("fr"), the administration default',
      },
      { path: 'eligibility.all[4].any[1].id', message: '"team" is used twice' },
      {
        path: 'scoring[1].bands[1].points',
        message: 'must be a fraction of the weight, from 0 to 1',
      },
      {
        path: 'scoring[2].bands[1]',
        message: 'overlaps band 0 (min is included, max is not)',
      },
      { path: 'scoring', message: 'the weights add up to 105; they must add up to 100' },
    ])
  })

  test('money is written in dirhams, { mad }, and numbers are plain', ({ assert }) => {
    const rules = broken()
    rules.eligibility.all[2].value = 2_000_000
    rules.eligibility.all[4].any[1].value = [{ mad: 1 }, 500_000]
    rules.scoring[2].bands[0].min = { mad: 1 }
    rules.scoring[4].bands[0].max = { mad: 10_000.001 }
    assert.deepEqual(checkRuleSet(rules, APPLICATION_FORMS.startup_offer), [
      {
        path: 'eligibility.all[2].value',
        message: 'money answers are centimes: write the amount in dirhams as { "mad": 2000000 }',
      },
      {
        path: 'eligibility.all[4].any[1].value[1]',
        message: 'money answers are centimes: write the amount in dirhams as { "mad": 500000 }',
      },
      {
        path: 'scoring[2].bands[0].min',
        message: 'a number field is compared with a plain number',
      },
      {
        path: 'scoring[4].bands[0].max.mad',
        message: 'must be an amount of dirhams, at most 2 decimals',
      },
    ])
  })

  test('fields, options and operators are checked against the form', ({ assert }) => {
    const condition = (field: string, operator: string, value?: unknown) => ({
      eligibility: { all: [{ id: 'rule', field, operator, value, message: message('Non') }] },
      scoring: [],
    })
    const problemOf = (field: string, operator: string, value?: unknown) =>
      checkRuleSet(condition(field, operator, value), testForm)
    assert.deepEqual(problemOf('budget.total', 'present'), [
      { path: 'eligibility.all[0].field', message: 'the form has no section "budget"' },
    ])
    assert.deepEqual(problemOf('profile', 'present'), [
      {
        path: 'eligibility.all[0].field',
        message: 'must be a path "section.field" (or "section.group.field")',
      },
    ])
    assert.deepEqual(problemOf('profile.region', 'in', ['oriental', 'atlantis']), [
      { path: 'eligibility.all[0].value[1]', message: '"atlantis" is not an option of this field' },
    ])
    assert.deepEqual(problemOf('profile.region', 'gte', 3), [
      {
        path: 'eligibility.all[0].operator',
        message:
          '"gte" does not apply to a select field (use eq, neq, in, not_in, present, absent)',
      },
    ])
    assert.deepEqual(problemOf('profile.summary', 'eq', 'x'), [
      {
        path: 'eligibility.all[0].operator',
        message: '"eq" does not apply to a text field (use present, absent)',
      },
    ])
    assert.deepEqual(problemOf('team.founders.name', 'contains', 'Amina'), [
      {
        path: 'eligibility.all[0].field',
        message: 'only select fields inside a group can be used (name is a text)',
      },
    ])
    assert.deepEqual(problemOf('profile.region.code', 'present'), [
      {
        path: 'eligibility.all[0].field',
        message: 'profile.region is a select field, not a group',
      },
    ])
    assert.deepEqual(problemOf('team.founders.gender', 'contains', 'other'), [
      { path: 'eligibility.all[0].value', message: '"other" is not an option of this field' },
    ])
    assert.deepEqual(problemOf('profile.women_led', 'eq', 'yes'), [
      { path: 'eligibility.all[0].value', message: 'must be true or false' },
    ])
    assert.deepEqual(problemOf('profile.founded_on', 'eq', { years: 1, before: 'closing_date' }), [
      { path: 'eligibility.all[0].value', message: 'eq and neq take a date YYYY-MM-DD' },
    ])
    assert.deepEqual(problemOf('team.founders', 'count_gte', 1.5), [
      { path: 'eligibility.all[0].value', message: 'must be a whole number, 0 or more' },
    ])
    assert.deepEqual(problemOf('profile.cv', 'present', true), [
      { path: 'eligibility.all[0].value', message: 'present takes no value' },
    ])
    assert.deepEqual(problemOf('profile.experience_years', 'between', [10, 5]), [
      { path: 'eligibility.all[0].value', message: 'the low end is above the high end' },
    ])
  })

  test('dates, absolute or relative, are checked to the key', ({ assert }) => {
    const dated = (value: unknown, operator = 'after') => ({
      eligibility: {
        all: [
          { id: 'date', field: 'profile.founded_on', operator, value, message: message('Non') },
        ],
      },
      scoring: [],
    })
    assert.deepEqual(pathsOf(dated('2023-02-29')), ['eligibility.all[0].value'])
    assert.deepEqual(pathsOf(dated({ years: -5, before: 'closing_date' })), [
      'eligibility.all[0].value.years',
    ])
    assert.deepEqual(pathsOf(dated({ years: 5, before: 'opening_date' })), [
      'eligibility.all[0].value.before',
    ])
    assert.deepEqual(pathsOf(dated({ years: 5, before: 'closing_date', after: 'closing_date' })), [
      'eligibility.all[0].value',
    ])
    assert.deepEqual(pathsOf(dated({ weeks: 2, before: 'closing_date' })), [
      'eligibility.all[0].value.weeks',
    ])
    assert.deepEqual(pathsOf(dated(['2026-01-01', '2025-01-01'], 'within')), [
      'eligibility.all[0].value',
    ])
    assert.deepEqual(
      pathsOf(dated(['2026-01-01', { months: 'six', after: 'closing_date' }], 'within')),
      ['eligibility.all[0].value[1].months']
    )
  })

  test('groups need conditions, a single kind, known keys, and nest a bounded depth', ({
    assert,
  }) => {
    const condition = { id: 'x', field: 'profile.cv', operator: 'present', message: message('CV') }
    assert.deepEqual(pathsOf({ eligibility: { all: [{ any: [] }] }, scoring: [] }), [
      'eligibility.all[0].any',
    ])
    assert.deepEqual(pathsOf({ eligibility: { any: [] }, scoring: [] }), ['eligibility.any'])
    assert.deepEqual(pathsOf({ eligibility: { all: [], any: [] }, scoring: [] }), ['eligibility'])
    assert.deepEqual(
      pathsOf({ eligibility: { all: [{ ...condition, operater: 'x' }] }, scoring: [] }),
      ['eligibility.all[0].operater']
    )
    assert.deepEqual(pathsOf({ eligibility: { all: [] }, scoring: [], version: 2 }), ['version'])
    let deep: any = { all: [condition] }
    for (let level = 0; level < 10; level++) deep = { all: [deep] }
    assert.deepEqual(pathsOf({ eligibility: deep, scoring: [] }), [
      'eligibility.all[0].all[0].all[0].all[0].all[0].all[0]',
    ])
  })

  test('criteria: weights, bands and the fields they score', ({ assert }) => {
    const scored = (...scoring: unknown[]) => ({ eligibility: { all: [] }, scoring })
    const criterion = (field: string, bands: unknown, extra: object = {}) => ({
      id: `c_${field.replaceAll('.', '_')}`,
      label: { fr: 'Critère' },
      field,
      weight: 100,
      bands,
      ...extra,
    })
    assert.deepEqual(
      checkRuleSet(scored(criterion('profile.summary', [{ equals: 'x', points: 1 }])), testForm),
      [{ path: 'scoring[0].field', message: 'a text field cannot be scored' }]
    )
    assert.deepEqual(
      checkRuleSet(scored(criterion('profile.region', [{ min: 1, points: 1 }])), testForm),
      [
        {
          path: 'scoring[0].bands[0]',
          message: 'a select field is scored by values (equals or in)',
        },
      ]
    )
    assert.deepEqual(
      checkRuleSet(
        scored(
          criterion('profile.region', [
            { in: ['oriental', 'souss_massa'], points: 1 },
            { equals: 'oriental', points: 0.5 },
          ])
        ),
        testForm
      ),
      [{ path: 'scoring[0].bands[1].equals', message: '"oriental" is already in band 0' }]
    )
    assert.deepEqual(
      checkRuleSet(
        scored(
          criterion('profile.sectors', [
            { min: 2, points: 1 },
            { equals: 'fintech', points: 0.5 },
          ])
        ),
        testForm
      ),
      [
        {
          path: 'scoring[0].bands[1]',
          message:
            "mixes values with the range of the bands before; a criterion's bands are all of one kind",
        },
      ]
    )
    assert.deepEqual(
      pathsOf(
        scored(
          criterion(
            'profile.experience_years',
            [{ min: 5, max: 5, points: 1 }, { min: 1, equals: 3, points: 1 }, { points: 1 }],
            { otherwise: -0.5 }
          )
        )
      ),
      ['scoring[0].otherwise', 'scoring[0].bands[0]', 'scoring[0].bands[1]', 'scoring[0].bands[2]']
    )
    assert.deepEqual(pathsOf(scored(criterion('profile.experience_years', []))), [
      'scoring[0].bands',
    ])
    assert.deepEqual(
      pathsOf(
        scored(
          { ...criterion('profile.experience_years', [{ min: 0, points: 1 }]), weight: 60.005 },
          {
            ...criterion('profile.revenue', [{ min: { mad: 0 }, points: 1 }]),
            weight: 40,
            label: { ar: 'معيار' },
          }
        )
      ),
      ['scoring[0].weight', 'scoring[1].label']
    )
    assert.deepEqual(checkRuleSet({ eligibility: { all: [] }, scoring: {} }), [
      { path: 'scoring', message: 'must be a list of criteria (may be empty)' },
    ])
  })

  test('without the form, only the shape of the rules is checked', ({ assert }) => {
    const rules = broken()
    rules.eligibility.all[1].field = 'nowhere.at_all'
    rules.eligibility.all[2].value = 2_000_000
    assert.deepEqual(checkRuleSet(rules), [])
    assert.deepEqual(
      checkRuleSet(rules, APPLICATION_FORMS.startup_offer).map((p) => p.path),
      ['eligibility.all[1].field', 'eligibility.all[2].value']
    )
  })

  test('anything that is not a rule set says so', ({ assert }) => {
    for (const json of [null, 42, 'rules', [], undefined]) {
      assert.deepEqual(checkRuleSet(json), [
        { path: '', message: 'must be a rule set { "eligibility": group, "scoring": [criteria] }' },
      ])
    }
    assert.deepEqual(
      checkRuleSet({}).map((p) => p.path),
      ['eligibility', 'scoring']
    )
  })

  test('any input at all gets a list of problems, never an exception', ({ assert }) => {
    fc.assert(
      fc.property(fc.anything(), (json) => {
        assert.isArray(checkRuleSet(json, testForm))
        assert.isArray(checkRuleSet({ eligibility: json, scoring: json }, testForm))
      }),
      { numRuns: 1000 }
    )
  })

  test('a valid rule set with any one value replaced is checked without an exception', ({
    assert,
  }) => {
    // Every place a value sits in the realistic rule set, as a path of keys.
    const places: Array<Array<string | number>> = []
    const walk = (value: unknown, path: Array<string | number>) => {
      places.push(path)
      if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          walk(inner, [...path, Array.isArray(value) ? Number(key) : key])
        }
      }
    }
    walk(startupRules, [])
    fc.assert(
      fc.property(fc.constantFrom(...places.slice(1)), fc.anything(), (path, replacement) => {
        const rules = broken()
        let container = rules
        for (const key of path.slice(0, -1)) container = container[key]
        container[path.at(-1)!] = replacement
        const problems = checkRuleSet(rules, APPLICATION_FORMS.startup_offer)
        assert.isArray(problems)
        for (const problem of problems) {
          assert.isString(problem.path)
          assert.isString(problem.message)
        }
      }),
      { numRuns: 1000 }
    )
  })
})
