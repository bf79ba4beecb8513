import type { RuleSet } from '#eligibility/rule_set'
import type { CallTerms } from '#database/rules/call_terms'

/** The ceiling the startup offer's form announces, when the programme sets none. */
export const DEFAULT_GRANT_CEILING_MAD = 2_000_000

/** The two regions where startups already concentrate: no territorial equity points. */
const CENTRAL_REGIONS = ['casablanca_settat', 'rabat_sale_kenitra']
const OTHER_REGIONS = [
  'tanger_tetouan_al_hoceima',
  'oriental',
  'fes_meknes',
  'beni_mellal_khenifra',
  'marrakech_safi',
  'draa_tafilalet',
  'souss_massa',
  'guelmim_oued_noun',
  'laayoune_sakia_el_hamra',
  'dakhla_oued_ed_dahab',
]

const grouped = (amount: number, separator: string) =>
  String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, separator)

/**
 * Rules of a Startup Maroc offer call (DESIGN §4), over database/forms/startup_offer.ts:
 * a startup created less than 5 years before the closing date, asking for no more than
 * the programme's ceiling, with at least one founder. The score weighs the founding team,
 * priority sectors, territorial equity (outside Casablanca-Settat and Rabat-Salé-Kénitra),
 * women-led teams and revenue.
 */
export function startupOfferRules({ grantCeilingCentimes }: CallTerms): RuleSet {
  const ceilingMad = grantCeilingCentimes ? grantCeilingCentimes / 100 : DEFAULT_GRANT_CEILING_MAD

  return {
    eligibility: {
      all: [
        {
          id: 'founded_within_5_years',
          field: 'startup.founded_on',
          operator: 'after',
          value: { years: 5, before: 'closing_date' },
          message: {
            fr: 'La startup doit avoir été créée moins de 5 ans avant la clôture de l’appel.',
            ar: 'يجب أن تكون المقاولة الناشئة قد أُنشئت قبل أقل من 5 سنوات من تاريخ إغلاق الدعوة.',
            zgh: 'ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵜⵓⵙⵏⵓⵍⴼⴰ ⵙⵜⴰⵔⵜⴰⴱ ⴷⵔⵓⵙ ⵏ 5 ⵏ ⵢⵉⵙⴳⴳⵯⴰⵙⵏ ⵣⴰⵜ ⵉ ⵓⵎⴷⴰⵍ ⵏ ⵓⵖⵔⵓⵔ.',
            en: 'The startup must have been created less than 5 years before the call’s closing date.',
          },
        },
        {
          id: 'amount_within_ceiling',
          field: 'funding.amount_requested',
          operator: 'lte',
          value: { mad: ceilingMad },
          message: {
            fr: `Le montant demandé ne peut pas dépasser le plafond de l’offre (${grouped(ceilingMad, '\u00a0')}\u00a0MAD).`,
            ar: `لا يمكن أن يتجاوز المبلغ المطلوب سقف العرض (${grouped(ceilingMad, '.')} درهم).`,
            zgh: `ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵍⵉ ⵓⵎⴹⴰⵏ ⵉⵜⵜⵓⵜⵜⵔⵏ ⴳ ⵜⵉⵍⵙⴰ ⵏ ⵓⵙⵓⵎⵔ: ${grouped(ceilingMad, '\u00a0')}\u00a0MAD ⵏⵖ ⴷⵔⵓⵙ.`,
            en: `The amount requested cannot exceed the offer’s ceiling (MAD ${grouped(ceilingMad, ',')}).`,
          },
        },
        {
          id: 'at_least_one_founder',
          field: 'team.founders',
          operator: 'count_gte',
          value: 1,
          message: {
            fr: 'Au moins une personne fondatrice doit être déclarée.',
            ar: 'يجب التصريح بمؤسِّس واحد على الأقل.',
            zgh: 'ⵉⵇⵇⴰⵏ ⵢⴰⵏ ⵓⵎⵙⵏⵓⵍⴼⵓ ⵏⵖ ⵓⴳⴳⴰⵔ.',
            en: 'At least one founder must be declared.',
          },
        },
      ],
    },
    scoring: [
      {
        id: 'team_completeness',
        label: {
          fr: 'Complétude de l’équipe fondatrice',
          ar: 'اكتمال الفريق المؤسِّس',
          zgh: 'ⵓⵟⵟⵓⵏ ⵏ ⵉⵎⵙⵏⵓⵍⴼⴰ',
          en: 'Founding team completeness',
        },
        field: 'team.founders',
        weight: 20,
        bands: [
          { min: 1, max: 2, points: 0.4 },
          { min: 2, max: 3, points: 0.8 },
          { min: 3, points: 1 },
        ],
      },
      {
        id: 'sector_priority',
        label: {
          fr: 'Secteur prioritaire',
          ar: 'القطاع ذو الأولوية',
          zgh: 'ⵜⴰⵣⵡⴰⵔⵜ ⵏ ⵓⴳⵣⵣⵓⵎ',
          en: 'Priority sector',
        },
        field: 'startup.sector',
        weight: 20,
        bands: [
          { in: ['ai_data', 'agritech', 'fintech', 'cleantech', 'healthtech'], points: 1 },
          { in: ['edtech', 'cybersecurity', 'govtech', 'industry', 'logistics'], points: 0.6 },
          { in: ['ecommerce', 'tourism_culture', 'other'], points: 0.2 },
        ],
      },
      {
        id: 'territorial_equity',
        label: {
          fr: 'Équité territoriale (hors Casablanca-Settat et Rabat-Salé-Kénitra)',
          ar: 'الإنصاف المجالي (خارج جهتي الدار البيضاء - سطات والرباط - سلا - القنيطرة)',
          zgh: 'ⴰⵎⵙⴰⵙⴰ ⴳⵔ ⵜⵙⴳⴰⵡⵉⵏ (ⴱⵕⵕⴰ ⵏ ⴷⴷⴰⵔ ⵍⴱⵉⴹⴰ-ⵙⵟⵟⴰⵜ ⴷ ⵕⵕⴱⴰⵟ-ⵙⵍⴰ-ⵇⵏⵉⵟⵔⴰ)',
          en: 'Territorial equity (outside Casablanca-Settat and Rabat-Sale-Kenitra)',
        },
        field: 'startup.region',
        weight: 20,
        bands: [
          { in: OTHER_REGIONS, points: 1 },
          { in: CENTRAL_REGIONS, points: 0 },
        ],
      },
      {
        id: 'women_led',
        label: {
          fr: 'Startup portée par une femme (au moins une fondatrice)',
          ar: 'مقاولة تقودها امرأة (مؤسِّسة واحدة على الأقل)',
          zgh: 'ⵜⴰⵎⵟⵟⵓⵜ ⴳ ⵉⵎⵙⵏⵓⵍⴼⴰ',
          en: 'Women-led startup (at least one woman founder)',
        },
        field: 'team.founders.gender',
        weight: 15,
        // A mixed team matches the first band: one woman founder is enough.
        bands: [
          { equals: 'female', points: 1 },
          { in: ['male', 'undisclosed'], points: 0 },
        ],
      },
      {
        id: 'monthly_revenue',
        label: {
          fr: 'Traction : chiffre d’affaires mensuel',
          ar: 'الزخم التجاري: رقم المعاملات الشهري',
          zgh: 'ⵉⴳⵎⴰⴹ ⵉⵎⵣⵡⵓⵔⴰ: ⵉⴷⵔⵉⵎⵏ ⵉⴽⵛⵎⵏ ⴽⵓ ⴰⵢⵢⵓⵔ',
          en: 'Traction: monthly revenue',
        },
        field: 'traction.monthly_revenue',
        weight: 25,
        // No revenue, typed 0 or left empty, scores nothing.
        bands: [
          { min: { mad: 1 }, max: { mad: 10_000 }, points: 0.1 },
          { min: { mad: 10_000 }, max: { mad: 50_000 }, points: 0.4 },
          { min: { mad: 50_000 }, max: { mad: 200_000 }, points: 0.7 },
          { min: { mad: 200_000 }, points: 1 },
        ],
      },
    ],
  }
}
