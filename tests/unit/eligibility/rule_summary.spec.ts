import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  prettyRuleSet,
  summarizeRuleSet,
  OPERATOR_EXAMPLES,
  type ConditionSummary,
} from '#eligibility/rule_summary'
import { OPERATORS, type RuleSet } from '#eligibility/rule_set'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { testForm } from '#tests/unit/eligibility/fixtures'

const message = { fr: 'Refusé' }

const RULES: RuleSet = {
  eligibility: {
    all: [
      { id: 'experience', field: 'profile.experience_years', operator: 'gte', value: 5, message },
      {
        id: 'young',
        field: 'profile.founded_on',
        operator: 'after',
        value: { years: 5, before: 'closing_date' },
        message,
      },
      {
        any: [
          {
            id: 'region',
            field: 'profile.region',
            operator: 'not_in',
            value: ['casablanca_settat', 'rabat_sale_kenitra'],
            message,
          },
          {
            id: 'women',
            field: 'team.founders.gender',
            operator: 'contains',
            value: 'female',
            message,
          },
        ],
      },
      {
        id: 'revenue',
        field: 'profile.revenue',
        operator: 'between',
        value: [{ mad: 0 }, { mad: 2_500_000.5 }],
        message,
      },
      { id: 'founders', field: 'team.founders', operator: 'count_gte', value: 2, message },
      {
        id: 'before_2025',
        field: 'profile.founded_on',
        operator: 'before',
        value: '2025-01-01',
        message,
      },
    ],
  },
  scoring: [
    {
      id: 'sectors',
      label: { fr: 'Secteurs prioritaires', ar: 'القطاعات ذات الأولوية' },
      field: 'profile.sectors',
      weight: 30,
      bands: [{ in: ['agritech', 'cleantech'], points: 1 }],
      otherwise: 0.25,
    },
    {
      id: 'experience_band',
      label: { fr: 'Expérience' },
      field: 'profile.experience_years',
      weight: 70,
      bands: [
        { min: 5, max: 10, points: 0.5 },
        { min: 10, points: 1 },
      ],
    },
  ],
}

function summary(locale: string) {
  const i18n = i18nManager.locale(locale)
  return summarizeRuleSet(RULES, {
    form: testForm,
    locale,
    t: (key, data) => i18n.t(key, data),
    closingDate: '2026-06-30',
  })
}

const texts = (nodes: unknown[]): string[] =>
  nodes.flatMap((node: any) => (node.kind === 'group' ? texts(node.nodes) : [node.text]))

test.group('Rules in words', () => {
  test('the example rules are valid for the test form', ({ assert }) => {
    assert.deepEqual(checkRuleSet(RULES, testForm), [])
  })

  test('each condition reads with its field label, operator and value in French', ({ assert }) => {
    const result = summary('fr')
    assert.isFalse(result.everyoneEligible)
    assert.deepEqual(texts(result.eligibility.nodes), [
      '« Expérience » est supérieur ou égal à 5',
      '« Création » est après 5 ans avant la date de clôture (soit le 30 juin 2021)',
      '« Région » ne vaut aucune des options : casablanca_settat et rabat_sale_kenitra',
      '« Fondateurs — Genre » comprend female',
      '« Chiffre d’affaires » est compris entre 0,00\u00a0MAD et 2.500.000,50\u00a0MAD, bornes incluses',
      '« Fondateurs » compte au moins 2 éléments',
      '« Création » est avant le 1 janvier 2025',
    ])
    const group = result.eligibility.nodes[2]
    assert.equal(group.kind, 'group')
    assert.isFalse((group as any).all)
    assert.equal((result.eligibility.nodes[0] as ConditionSummary).message, 'Refusé')
  })

  test('criteria read with their weight, their bands and the points each earns', ({ assert }) => {
    const [sectors, experience] = summary('fr').criteria
    assert.equal(sectors.label, 'Secteurs prioritaires')
    assert.equal(sectors.fieldLabel, 'Secteurs')
    assert.deepEqual(sectors.bands, ['agritech ou cleantech : 30 pts'])
    assert.equal(sectors.otherwise, 'toute autre réponse : 7,5 pts')
    assert.deepEqual(experience.bands, ['de 5 à moins de 10 : 35 pts', '10 ou plus : 70 pts'])
    assert.isNull(experience.otherwise)
    assert.equal(summary('fr').maxWeight, 70)
  })

  test('the same rules read in Arabic, with the Arabic label when there is one', ({ assert }) => {
    const result = summary('ar')
    assert.equal(texts(result.eligibility.nodes)[0], '«Expérience» أكبر من 5 أو يساويه')
    assert.equal(result.criteria[0].label, 'القطاعات ذات الأولوية')
  })

  test('a field the form no longer has is shown by its path, never dropped', ({ assert }) => {
    const i18n = i18nManager.locale('fr')
    const result = summarizeRuleSet(
      {
        eligibility: {
          all: [{ id: 'gone', field: 'profile.gone', operator: 'present', message }],
        },
        scoring: [],
      },
      { form: testForm, locale: 'fr', t: (key, data) => i18n.t(key, data) }
    )
    assert.deepEqual(texts(result.eligibility.nodes), ['« profile.gone » est renseigné'])
    assert.equal(result.maxWeight, 0)
  })

  test('the help has one example per operator', ({ assert }) => {
    assert.sameMembers(
      OPERATOR_EXAMPLES.map((example) => example.operator),
      [...OPERATORS]
    )
    for (const { example } of OPERATOR_EXAMPLES) {
      assert.doesNotThrow(() => JSON.parse(`{${example}}`), example)
    }
  })

  test('the editor shows keys in the order they are written, whatever order jsonb keeps', ({
    assert,
  }) => {
    const shuffled = {
      scoring: [
        {
          bands: [{ points: 1, max: 3, min: 1 }],
          weight: 100,
          field: 'team.founders',
          label: { en: 'Team', fr: 'Équipe' },
          id: 'team',
        },
      ],
      eligibility: {
        all: [
          {
            message: { fr: 'Non' },
            value: { mad: 5 },
            operator: 'lte',
            field: 'profile.revenue',
            id: 'cap',
          },
        ],
      },
    }
    const text = prettyRuleSet(shuffled)
    assert.deepEqual(JSON.parse(text), shuffled)
    assert.equal(
      text.replace(/\s+/g, ' '),
      '{ "eligibility": { "all": [ { "id": "cap", "field": "profile.revenue", "operator": "lte", "value": { "mad": 5 }, "message": { "fr": "Non" } } ] }, ' +
        '"scoring": [ { "id": "team", "label": { "fr": "Équipe", "en": "Team" }, "field": "team.founders", "weight": 100, "bands": [ { "min": 1, "max": 3, "points": 1 } ] } ] }'
    )
  })
})
