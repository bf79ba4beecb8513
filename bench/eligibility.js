/*
| eligibility: applications evaluated per second in one process, DESIGN §9 (eligibility +
| auto-scoring ≥ 50 000 applications/s in-process).
|
|   one child process (the app's TypeScript through @poppinss/ts-exec, one core) →
|   a realistic rule set for the startup offer form (7 conditions, one `any` group, 5
|   criteria), checked against the form → 100 000 synthetic submitted applications, each
|   with its own submission date → 1 s warm-up per variant → 3 interleaved rounds over all
|   100 000 per variant → median
|
| Variants: `compileRuleSet` (app/eligibility/evaluate.ts) and, as the baseline, the same
| rules and criteria hand-written in plain JavaScript, building the same result objects
| (the cost of the work itself, without rules as data). Both must agree on every
| application before anything is timed.
*/
import { fileURLToPath } from 'node:url'
import { measureInChild, median } from './lib.js'

const TARGET_APPLICATIONS_PER_SECOND = 50_000
const APPLICATIONS = 100_000
const WARMUP_MS = 1000
const ROUNDS = 3
const CHILD_TIME_LIMIT_MS = 120_000

export async function eligibility({ env, log }) {
  const measured = await measureInChild(
    'eligibility',
    'bench/eligibility.js',
    env,
    CHILD_TIME_LIMIT_MS
  )
  const { compiled, handWritten, eligible, meanScore } = measured
  log(`${APPLICATIONS} applications: ${eligible} eligible, mean score ${meanScore.toFixed(2)}`)
  log(
    `rules as data: ${compiled.toFixed(0)} apps/s; hand-written: ${handWritten.toFixed(0)} apps/s`
  )

  const ratio = compiled / handWritten
  return [
    {
      name: 'eligibility',
      value: Math.round(compiled),
      unit: 'applications/s',
      baseline: Math.round(handWritten),
      ratio: Math.round(ratio * 1000) / 1000,
      target: TARGET_APPLICATIONS_PER_SECOND,
      ok: compiled >= TARGET_APPLICATIONS_PER_SECOND,
      display: {
        portal: `${compiled.toFixed(0)} apps/s`,
        baseline: `${handWritten.toFixed(0)} apps/s`,
        ratio: ratio.toFixed(2),
        target: `≥ ${TARGET_APPLICATIONS_PER_SECOND} apps/s`,
      },
    },
  ]
}

// ---------------------------------------------------------------------------------------
// The measuring process (run with the TypeScript loader).
// ---------------------------------------------------------------------------------------

const CLOSING_DATE = '2026-06-30'
const REGIONS = [
  'tanger_tetouan_al_hoceima',
  'oriental',
  'fes_meknes',
  'rabat_sale_kenitra',
  'beni_mellal_khenifra',
  'casablanca_settat',
  'marrakech_safi',
  'draa_tafilalet',
  'souss_massa',
  'guelmim_oued_noun',
  'laayoune_sakia_el_hamra',
  'dakhla_oued_ed_dahab',
]
const SECTORS = ['agritech', 'fintech', 'healthtech', 'edtech', 'cleantech', 'ai_data', 'other']
const STAGES = ['ideation', 'early', 'growth', 'fundraising']
const LEGAL_FORMS = ['sarl', 'sarl_au', 'sa', 'sas', 'auto_entrepreneur', 'not_registered']
const GENDERS = ['female', 'male', 'undisclosed']

const text = (fr) => ({ fr, ar: fr, zgh: fr, en: fr })

/** DESIGN §4's examples for a Startup Maroc offer. */
const RULE_SET = {
  eligibility: {
    all: [
      {
        id: 'young_startup',
        field: 'startup.founded_on',
        operator: 'after',
        value: { years: 5, before: 'closing_date' },
        message: text('La startup doit avoir été créée il y a moins de 5 ans.'),
      },
      {
        id: 'registered',
        field: 'startup.legal_form',
        operator: 'not_in',
        value: ['not_registered'],
        message: text('La startup doit être immatriculée.'),
      },
      {
        id: 'grant_ceiling',
        field: 'funding.amount_requested',
        operator: 'lte',
        value: { mad: 2_000_000 },
        message: text('Le montant demandé dépasse le plafond de 2 000 000 MAD.'),
      },
      {
        id: 'team',
        field: 'team.founders',
        operator: 'count_gte',
        value: 1,
        message: text('L’équipe compte au moins un fondateur.'),
      },
      {
        any: [
          {
            id: 'early_stage',
            field: 'startup.stage',
            operator: 'in',
            value: ['ideation', 'early'],
            message: text('L’offre vise les startups en phase d’amorçage.'),
          },
          {
            id: 'modest_revenue',
            field: 'traction.monthly_revenue',
            operator: 'between',
            value: [{ mad: 1 }, { mad: 500_000 }],
            message: text('Ou un chiffre d’affaires mensuel de 500 000 MAD au plus.'),
          },
        ],
      },
      {
        id: 'pitch_deck',
        field: 'documents.pitch_deck',
        operator: 'present',
        message: text('Le pitch deck est requis.'),
      },
    ],
  },
  scoring: [
    {
      id: 'territorial_equity',
      label: text('Équité territoriale'),
      field: 'startup.region',
      weight: 25,
      bands: [{ in: ['casablanca_settat', 'rabat_sale_kenitra'], points: 0.2 }],
      otherwise: 1,
    },
    {
      id: 'sector_priority',
      label: text('Secteur prioritaire'),
      field: 'startup.sector',
      weight: 25,
      bands: [
        { in: ['agritech', 'cleantech', 'ai_data'], points: 1 },
        { equals: 'healthtech', points: 0.7 },
      ],
    },
    {
      id: 'team_completeness',
      label: text('Équipe complète'),
      field: 'team.founders',
      weight: 20,
      bands: [
        { min: 1, max: 2, points: 0.4 },
        { min: 2, max: 4, points: 1 },
        { min: 4, points: 0.8 },
      ],
    },
    {
      id: 'women_led',
      label: text('Startup dirigée par une femme'),
      field: 'team.founders.gender',
      weight: 15,
      bands: [{ equals: 'female', points: 1 }],
    },
    {
      id: 'traction',
      label: text('Traction'),
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

/** A small deterministic generator (mulberry32): the same applications on every run. */
function randomFrom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Submitted answers as stored: money in centimes, dates 'YYYY-MM-DD', files as ids. */
export function syntheticApplications(count) {
  const random = randomFrom(2026)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const day = (fromYear, years) => {
    const date = new Date(
      Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365.25) * 86_400_000
    )
    return date.toISOString().slice(0, 10)
  }
  return Array.from({ length: count }, (_, n) => ({
    answers: {
      startup: {
        name: `Startup ${n}`,
        legal_form: pick(LEGAL_FORMS),
        founded_on: day(2018, 8.5),
        region: pick(REGIONS),
        sector: pick(SECTORS),
        stage: pick(STAGES),
      },
      team: {
        founders: Array.from({ length: Math.floor(random() * 5) }, (__, i) => ({
          full_name: `Founder ${n}-${i}`,
          role: i === 0 ? 'CEO' : 'CTO',
          experience_years: Math.floor(random() * 20),
          gender: pick(GENDERS),
        })),
      },
      project: { innovation: 'Irrigation intelligente', market: 'Agriculteurs du Souss' },
      traction: {
        summary: 'Pilotes en cours',
        monthly_revenue: random() < 0.2 ? null : Math.floor(random() * 80_000_000),
        active_users: Math.floor(random() * 50_000),
      },
      funding: {
        amount_requested: 100 + Math.floor(random() * 250_000_000),
        use_of_funds: 'Recrutement et prototypes',
      },
      documents: { pitch_deck: random() < 0.97 ? n + 1 : null },
    },
    context: { closingDate: CLOSING_DATE, submissionDate: day(2026, 0.49) },
  }))
}

/** The same rules and criteria written by hand, with the same result objects. */
function handWrittenEvaluator() {
  const [youngStartup, registered, ceiling, team, earlyStage, modestRevenue, pitchDeck] = [
    ...RULE_SET.eligibility.all.slice(0, 4),
    ...RULE_SET.eligibility.all[4].any,
    RULE_SET.eligibility.all[5],
  ]
  const [equity, sector, completeness, womenLed, traction] = RULE_SET.scoring
  const foundedAfter = '2021-06-30' // the closing date − 5 years
  const rule = (condition, passed, blocking, actual) => ({
    id: condition.id,
    passed,
    blocking,
    message: condition.message,
    actual,
  })
  const contribution = (criterion, hundredths, band) => ({
    id: criterion.id,
    label: criterion.label,
    weight: criterion.weight,
    points: hundredths / 100,
    band,
  })
  const present = (value) => value !== undefined && value !== null && value !== ''
  return (answers) => {
    const { startup, team: crew, traction: numbers, funding, documents } = answers
    const founders = crew.founders
    const revenue = numbers.monthly_revenue
    const passed = [
      present(startup.founded_on) && startup.founded_on > foundedAfter,
      present(startup.legal_form) && startup.legal_form !== 'not_registered',
      present(funding.amount_requested) && funding.amount_requested <= 200_000_000,
      Array.isArray(founders) && founders.length >= 1,
      startup.stage === 'ideation' || startup.stage === 'early',
      present(revenue) && revenue >= 100 && revenue <= 50_000_000,
      present(documents.pitch_deck),
    ]
    const alternativeFailed = !passed[4] && !passed[5]
    const eligible =
      passed[0] && passed[1] && passed[2] && passed[3] && !alternativeFailed && passed[6]
    const rules = [
      rule(youngStartup, passed[0], !eligible && !passed[0], startup.founded_on ?? null),
      rule(registered, passed[1], !eligible && !passed[1], startup.legal_form ?? null),
      rule(ceiling, passed[2], !eligible && !passed[2], funding.amount_requested ?? null),
      rule(team, passed[3], !eligible && !passed[3], founders.length),
      rule(earlyStage, passed[4], !eligible && alternativeFailed, startup.stage ?? null),
      rule(
        modestRevenue,
        passed[5],
        !eligible && alternativeFailed,
        present(revenue) ? revenue : null
      ),
      rule(pitchDeck, passed[6], !eligible && !passed[6], documents.pitch_deck ?? null),
    ]

    const outside =
      startup.region !== 'casablanca_settat' && startup.region !== 'rabat_sale_kenitra'
    const prioritySector = ['agritech', 'cleantech', 'ai_data'].includes(startup.sector)
    const size = founders.length
    const women = founders.some((founder) => founder.gender === 'female')
    const revenueBand = !present(revenue)
      ? null
      : revenue < 1_000_000
        ? 0
        : revenue < 10_000_000
          ? 1
          : 2
    const contributions = [
      contribution(equity, outside ? 2500 : 500, outside ? null : 0),
      prioritySector
        ? contribution(sector, 2500, 0)
        : startup.sector === 'healthtech'
          ? contribution(sector, 1750, 1)
          : contribution(sector, 0, null),
      size >= 4
        ? contribution(completeness, 1600, 2)
        : size >= 2
          ? contribution(completeness, 2000, 1)
          : size === 1
            ? contribution(completeness, 800, 0)
            : contribution(completeness, 0, null),
      contribution(womenLed, women ? 1500 : 0, women ? 0 : null),
      contribution(
        traction,
        revenueBand === null ? 0 : [450, 1050, 1500][revenueBand],
        revenueBand
      ),
    ]
    let hundredths = 0
    for (const item of contributions) hundredths += Math.round(item.points * 100)
    return { eligible, rules, score: hundredths / 100, contributions }
  }
}

async function measure() {
  const { compileRuleSet } = await import('#eligibility/evaluate')
  const { checkRuleSet } = await import('#eligibility/rule_set_checker')
  const { APPLICATION_FORMS } = await import('#database/forms/index')
  const { deepStrictEqual } = await import('node:assert/strict')

  const problems = checkRuleSet(RULE_SET, APPLICATION_FORMS.startup_offer)
  if (problems.length > 0)
    throw new Error(`the bench's rule set is invalid: ${JSON.stringify(problems)}`)
  const applications = syntheticApplications(APPLICATIONS)
  const variants = { compiled: compileRuleSet(RULE_SET), handWritten: handWrittenEvaluator() }

  // Both do the same work: the same verdicts, reasons and scores for every application.
  let eligible = 0
  let scores = 0
  for (const { answers, context } of applications) {
    const expected = variants.compiled(answers, context)
    deepStrictEqual(variants.handWritten(answers, context), expected)
    if (expected.eligible) eligible++
    scores += expected.score
  }

  let sink = 0
  const evaluateAll = (evaluator) => {
    const start = performance.now()
    for (const { answers, context } of applications) sink += evaluator(answers, context).score
    return APPLICATIONS / ((performance.now() - start) / 1000)
  }
  for (const evaluator of Object.values(variants)) {
    const start = performance.now()
    while (performance.now() - start < WARMUP_MS) evaluateAll(evaluator)
  }
  const rounds = { compiled: [], handWritten: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, evaluator] of Object.entries(variants))
      rounds[name].push(evaluateAll(evaluator))
  }
  if (!Number.isFinite(sink)) throw new Error('no score was computed')
  console.log(
    JSON.stringify({
      compiled: median(rounds.compiled),
      handWritten: median(rounds.handWritten),
      eligible,
      meanScore: scores / APPLICATIONS,
    })
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measure().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
