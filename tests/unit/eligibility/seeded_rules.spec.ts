import { test } from '@japa/runner'
import { APPLICATION_FORMS, type ApplicationFormKind } from '#database/forms/index'
import { SEEDED_RULE_SETS, type CallTerms } from '#database/rules/index'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { evaluate } from '#eligibility/evaluate'
import {
  isConditionGroup,
  type Condition,
  type ConditionGroup,
  type RuleSet,
} from '#eligibility/rule_set'
import { answersValidator } from '#programmes/forms/answers_validator'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { LOCALES } from '#core/i18n/locales'
import type { LocalizedText } from '#core/i18n/localized_text'

const CLOSING_DATE = '2026-06-30'
const CONTEXT = { closingDate: CLOSING_DATE, submissionDate: '2026-06-20' }
/** As the seeder passes them for the demo calls (SM-EARLY's ceiling is 500 000 MAD). */
const TERMS: CallTerms = { closingDate: CLOSING_DATE, grantCeilingCentimes: 50_000_000 }
const KINDS = Object.keys(SEEDED_RULE_SETS) as ApplicationFormKind[]

const rulesOf = (kind: ApplicationFormKind, terms: CallTerms = TERMS) =>
  SEEDED_RULE_SETS[kind](terms)

function conditionsOf(group: ConditionGroup): Condition[] {
  const nodes = 'all' in group ? group.all : group.any
  return nodes.flatMap((node) => (isConditionGroup(node) ? conditionsOf(node) : [node]))
}

/** Every text shown to people: each condition's message and each criterion's label. */
function textsOf(rules: RuleSet): Array<[string, LocalizedText]> {
  return [
    ...conditionsOf(rules.eligibility).map((rule): [string, LocalizedText] => [
      rule.id,
      rule.message,
    ]),
    ...rules.scoring.map((criterion): [string, LocalizedText] => [criterion.id, criterion.label]),
  ]
}

/** Share of the letters of `text` written in `script` (digits, MAD, ESG… aside). */
function shareInScript(text: string, script: RegExp) {
  const letters = [...text].filter((char) => /\p{L}/u.test(char))
  return letters.filter((char) => script.test(char)).length / letters.length
}

/** The answers as an applicant types them (money in dirhams), as stored once submitted. */
async function submitted(
  kind: ApplicationFormKind,
  typed: Record<string, Record<string, unknown>>
) {
  return (await answersValidator(APPLICATION_FORMS[kind], 'submission').validate(
    typed
  )) as FormAnswers
}

const blockingIds = (result: ReturnType<typeof evaluate>) =>
  result.rules.filter((rule) => rule.blocking).map((rule) => rule.id)

const LOREM =
  'Nous développons une solution qui répond à un besoin concret et mesuré auprès de nos premiers clients, '

test.group('Seeded rule sets', () => {
  test('each passes the checker against its kind’s application form', ({ assert }) => {
    for (const kind of KINDS) {
      assert.deepEqual(checkRuleSet(rulesOf(kind), APPLICATION_FORMS[kind]), [], kind)
      // A programme without a ceiling falls back to the form's announced 2 000 000 MAD.
      const withoutCeiling = rulesOf(kind, { closingDate: CLOSING_DATE })
      assert.deepEqual(checkRuleSet(withoutCeiling, APPLICATION_FORMS[kind]), [], kind)
    }
  })

  test('every message and label is written in French, Arabic, Tamazight (Tifinagh) and English', ({
    assert,
  }) => {
    for (const kind of KINDS) {
      for (const [id, text] of textsOf(rulesOf(kind))) {
        const where = `${kind}.${id}`
        for (const locale of LOCALES) {
          assert.isString(text[locale], `${where}.${locale}`)
          assert.isAbove(text[locale]!.trim().length, 0, `${where}.${locale}`)
        }
        assert.isAtLeast(shareInScript(text.ar!, /\p{Script=Arabic}/u), 0.8, `${where}.ar`)
        assert.isAtLeast(shareInScript(text.zgh!, /\p{Script=Tifinagh}/u), 0.8, `${where}.zgh`)
        assert.equal(shareInScript(text.fr!, /\p{Script=Latin}/u), 1, `${where}.fr`)
        assert.equal(shareInScript(text.en!, /\p{Script=Latin}/u), 1, `${where}.en`)
      }
    }
  })

  test('the weights of each rule set add up to 100', ({ assert }) => {
    for (const kind of KINDS) {
      const hundredths = rulesOf(kind).scoring.reduce(
        (sum, criterion) => sum + Math.round(criterion.weight * 100),
        0
      )
      assert.equal(hundredths, 10_000, kind)
    }
  })

  test('the startup offer’s ceiling is its programme’s', ({ assert }) => {
    const ceilingOf = (terms: CallTerms) =>
      conditionsOf(rulesOf('startup_offer', terms).eligibility).find(
        (rule) => rule.id === 'amount_within_ceiling'
      )!
    const seeded = ceilingOf(TERMS)
    assert.deepEqual(seeded.value, { mad: 500_000 })
    assert.include(seeded.message.fr!, '500\u00a0000\u00a0MAD')
    assert.include(seeded.message.en!, 'MAD 500,000')
    assert.deepEqual(ceilingOf({ closingDate: CLOSING_DATE }).value, { mad: 2_000_000 })
  })
})

test.group('Seeded rule sets, evaluated on realistic applications', () => {
  test('a young agritech startup from Souss-Massa with a woman co-founder is eligible', async ({
    assert,
  }) => {
    const answers = await submitted('startup_offer', {
      startup: {
        name: 'Atlas AgriTech',
        legal_form: 'sarl',
        founded_on: '2024-03-12',
        region: 'souss_massa',
        sector: 'agritech',
        stage: 'early',
      },
      team: {
        founders: [
          { full_name: 'Amine Idrissi', role: 'CEO', experience_years: 9, gender: 'male' },
          { full_name: 'Hajar Ouali', role: 'CTO', experience_years: 6, gender: 'female' },
        ],
      },
      project: { innovation: LOREM.repeat(2), market: LOREM.repeat(2) },
      traction: {
        summary: 'Trois coopératives pilotes à Taroudant, 40 exploitations équipées.',
        monthly_revenue: 35_000,
        active_users: 40,
      },
      funding: { amount_requested: 400_000, use_of_funds: LOREM },
      documents: { pitch_deck: 1 },
    })
    const result = evaluate(rulesOf('startup_offer'), answers, CONTEXT)
    assert.isTrue(result.eligible)
    assert.deepEqual(blockingIds(result), [])
    // Two founders 16 + priority sector 20 + outside the central regions 20 + a woman
    // founder 15 + 35 000 MAD a month 10.
    assert.equal(result.score, 81)
    assert.deepEqual(
      result.contributions.map((contribution) => [contribution.id, contribution.points]),
      [
        ['team_completeness', 16],
        ['sector_priority', 20],
        ['territorial_equity', 20],
        ['women_led', 15],
        ['monthly_revenue', 10],
      ]
    )
  })

  test('an old startup asking for more than the ceiling is not eligible, and told why', async ({
    assert,
  }) => {
    const answers = await submitted('startup_offer', {
      startup: {
        name: 'Casa Retail Tech',
        legal_form: 'sa',
        founded_on: '2019-09-01',
        region: 'casablanca_settat',
        sector: 'ecommerce',
        stage: 'growth',
      },
      team: {
        founders: [{ full_name: 'Driss Benjelloun', role: 'CEO', experience_years: 15 }],
      },
      project: { innovation: LOREM.repeat(2), market: LOREM.repeat(2) },
      traction: { summary: '1 200 commerçants clients.', monthly_revenue: 420_000 },
      funding: { amount_requested: 1_500_000, use_of_funds: LOREM },
      documents: { pitch_deck: 1 },
    })
    const result = evaluate(rulesOf('startup_offer'), answers, CONTEXT)
    assert.isFalse(result.eligible)
    assert.deepEqual(blockingIds(result), ['founded_within_5_years', 'amount_within_ceiling'])
    // One founder 8 + low-priority sector 4 + central region 0 + no woman founder 0 +
    // 420 000 MAD a month 25.
    assert.equal(result.score, 37)
  })

  test('an experienced employee with a disruptive project starting soon is eligible', async ({
    assert,
  }) => {
    const answers = await submitted('living_grant', {
      experience: {
        years_of_experience: 8,
        current_employer: 'OCP Group',
        employment_status: 'employed',
      },
      project: {
        innovation_type: 'disruptive',
        summary: LOREM.repeat(3),
        planned_start_on: '2026-09-01',
      },
      documents: { cv: 1, employment_proof: 2 },
    })
    const result = evaluate(rulesOf('living_grant'), answers, CONTEXT)
    assert.isTrue(result.eligible)
    // The other alternative (a recent resignation) failed, but blocks nothing.
    const resigned = result.rules.find((rule) => rule.id === 'resigned_within_12_months')!
    assert.deepInclude(resigned, { passed: false, blocking: false })
    // 8 years 22.5 + disruptive 30 + start within 3 months of the closing 25 + still
    // employed 7.5.
    assert.equal(result.score, 85)
  })

  test('someone who resigned less than 12 months before the closing date is eligible', async ({
    assert,
  }) => {
    const answers = await submitted('living_grant', {
      experience: {
        years_of_experience: 12,
        current_employer: 'Maroc Telecom',
        employment_status: 'resigned',
        resigned_on: '2025-11-15',
      },
      project: {
        innovation_type: 'growth',
        summary: LOREM.repeat(3),
        planned_start_on: '2027-02-01',
      },
      documents: { cv: 1, employment_proof: 2 },
    })
    const result = evaluate(rulesOf('living_grant'), answers, CONTEXT)
    assert.isTrue(result.eligible)
    // 12 years 30 + growth 15 + start 7 months after the closing 6.25 + resigned 15.
    assert.equal(result.score, 66.25)
  })

  test('a junior who resigned long ago is not eligible, on each count', async ({ assert }) => {
    const answers = await submitted('living_grant', {
      experience: {
        years_of_experience: 4,
        current_employer: 'Capgemini Maroc',
        employment_status: 'resigned',
        resigned_on: '2025-03-01',
      },
      project: {
        innovation_type: 'growth',
        summary: LOREM.repeat(3),
        planned_start_on: '2026-08-01',
      },
      documents: { cv: 1, employment_proof: 2 },
    })
    const result = evaluate(rulesOf('living_grant'), answers, CONTEXT)
    assert.isFalse(result.eligible)
    assert.deepEqual(blockingIds(result), [
      'experience_at_least_5_years',
      'currently_employed',
      'resigned_within_12_months',
    ])
  })

  test('a 350 M MAD seed fund with a track record and 70 % for Morocco is eligible', async ({
    assert,
  }) => {
    const answers = await submitted('vc_call', {
      fund: {
        fund_name: 'Atlas Seed Fund II',
        target_size: 350_000_000,
        first_close_on: '2026-03-15',
        domiciliation: 'morocco',
      },
      strategy: {
        stages: ['seed', 'series_a'],
        sectors: ['ai_data', 'fintech'],
        geography: 'Maroc en priorité, puis Afrique de l’Ouest.',
        morocco_share: 70,
      },
      team: {
        management_team: LOREM.repeat(2),
        previous_funds: [
          { name: 'Atlas Seed Fund I', vintage_year: 2017, size: 150_000_000, tvpi: 2.1, dpi: 0.9 },
          { name: 'Atlas Angels', vintage_year: 2013, size: 40_000_000, tvpi: 1.6, dpi: 1.4 },
        ],
      },
      terms: { requested_commitment: 100_000_000, management_fee: 2, carried_interest: 20 },
      esg: { esg_policy: LOREM.repeat(2) },
      documents: { ppm: 1, track_record: 2 },
    })
    const result = evaluate(rulesOf('vc_call'), answers, CONTEXT)
    assert.isTrue(result.eligible)
    // Two previous funds 20 + 70 % 17.5 + 350 M 10.5 + 2 % fee 9 + seed 10 + Morocco 10.
    assert.equal(result.score, 77)
  })

  test('a small offshore fund with high fees and a small Moroccan share is not eligible', async ({
    assert,
  }) => {
    const answers = await submitted('vc_call', {
      fund: {
        fund_name: 'Mediterranean Growth Partners',
        target_size: 150_000_000,
        first_close_on: '2026-09-30',
        domiciliation: 'other',
        domiciliation_country: 'Luxembourg',
      },
      strategy: {
        stages: ['growth'],
        sectors: ['ecommerce'],
        geography: 'Bassin méditerranéen.',
        morocco_share: 40,
      },
      team: { management_team: LOREM.repeat(2), previous_funds: [] },
      terms: { requested_commitment: 50_000_000, management_fee: 3, carried_interest: 20 },
      esg: { esg_policy: LOREM.repeat(2) },
      documents: { ppm: 1, track_record: 2 },
    })
    const result = evaluate(rulesOf('vc_call'), answers, CONTEXT)
    assert.isFalse(result.eligible)
    assert.deepEqual(blockingIds(result), [
      'target_size_at_least_200m',
      'morocco_share_at_least_50',
      'management_fee_at_most_2_5',
    ])
  })
})
