import type { RuleSet } from '#eligibility/rule_set'
import type { CallTerms } from '#database/rules/call_terms'

/**
 * Rules of the fund-of-funds call for VC fund managers (DESIGN §4), over
 * database/forms/vc_call.ts: a fund of 200 M MAD or more, at least half of it for Moroccan
 * startups, a management fee of 2.5 % a year at most, and an ESG policy. The score weighs
 * the team's track record, the Moroccan share, the fund's size, its fees, an early-stage
 * focus and a Moroccan domicile.
 *
 * The ESG policy is text: it is required (a condition), since text cannot be scored.
 */
export function vcCallRules(_terms: CallTerms): RuleSet {
  return {
    eligibility: {
      all: [
        {
          id: 'target_size_at_least_200m',
          field: 'fund.target_size',
          operator: 'gte',
          value: { mad: 200_000_000 },
          message: {
            fr: 'La taille cible du fonds doit être d’au moins 200 millions de dirhams.',
            ar: 'يجب ألا يقل الحجم المستهدف للصندوق عن 200 مليون درهم.',
            zgh: 'ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵉⵍⵉ ⵜⵉⴷⴷⵉ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ ⵏ ⵜⵙⵏⴷⵓⵇⵜ 200 000 000 MAD ⵏⵖ ⵓⴳⴳⴰⵔ.',
            en: 'The fund’s target size must be at least MAD 200 million.',
          },
        },
        {
          id: 'morocco_share_at_least_50',
          field: 'strategy.morocco_share',
          operator: 'gte',
          value: 50,
          message: {
            fr: 'Au moins 50 % du fonds doit être engagé dans des startups marocaines.',
            ar: 'يجب أن تُخصَّص 50 % على الأقل من الصندوق للمقاولات الناشئة المغربية.',
            zgh: 'ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵙⴽⵛⵎ ⵜⵙⵏⴷⵓⵇⵜ 50 % ⵏⵖ ⵓⴳⴳⴰⵔ ⵏ ⵢⵉⴷⵔⵉⵎⵏ ⵏⵏⵙ ⴳ ⵉⴷ ⵙⵜⴰⵔⵜⴰⴱ ⵉⵎⵖⵔⵉⴱⵉⵢⵏ.',
            en: 'At least 50% of the fund must be committed to Moroccan startups.',
          },
        },
        {
          id: 'management_fee_at_most_2_5',
          field: 'terms.management_fee',
          operator: 'lte',
          value: 2.5,
          message: {
            fr: 'Les frais de gestion ne doivent pas dépasser 2,5 % par an.',
            ar: 'يجب ألا تتجاوز رسوم التدبير 2,5 % سنويًا.',
            zgh: 'ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵍⵉⵏ ⵉⵚⵕⵓⴼⵏ ⵏ ⵓⵙⵡⵓⴷⴷⵓ 2,5 % ⴽⵓ ⴰⵙⴳⴳⵯⴰⵙ ⵏⵖ ⴷⵔⵓⵙ.',
            en: 'The management fee must not exceed 2.5% per year.',
          },
        },
        {
          id: 'esg_policy_provided',
          field: 'esg.esg_policy',
          operator: 'present',
          message: {
            fr: 'Le fonds doit présenter une politique ESG.',
            ar: 'يجب أن يقدّم الصندوق سياسته البيئية والاجتماعية وسياسة الحوكمة (ESG).',
            zgh: 'ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵙⵙⵓⴼⵖ ⵜⵙⵏⴷⵓⵇⵜ ⵜⴰⵙⵔⵜⵉⵜ ESG ⵏⵏⵙ.',
            en: 'The fund must present an ESG policy.',
          },
        },
      ],
    },
    scoring: [
      {
        id: 'track_record',
        label: {
          fr: 'Historique : fonds déjà gérés par l’équipe',
          ar: 'السجل السابق: الصناديق التي سبق للفريق تدبيرها',
          zgh: 'ⵉⴳⵎⴰⴹ ⵉⵣⵔⵉⵏ: ⵜⵉⵙⵏⴷⵓⵇⵉⵏ ⵏⵏⴰ ⵜⵙⵡⵓⴷⴷⴰ ⵜⵔⴱⴰⵄⵜ',
          en: 'Track record: funds already managed by the team',
        },
        field: 'team.previous_funds',
        weight: 25,
        bands: [
          { min: 0, max: 1, points: 0 },
          { min: 1, max: 2, points: 0.5 },
          { min: 2, max: 4, points: 0.8 },
          { min: 4, points: 1 },
        ],
      },
      {
        id: 'morocco_share',
        label: {
          fr: 'Part engagée dans des startups marocaines',
          ar: 'الحصة المخصصة للمقاولات الناشئة المغربية',
          zgh: 'ⴰⴼⵔⴷⵉⵙ ⵏ ⵙⵜⴰⵔⵜⴰⴱ ⵉⵎⵖⵔⵉⴱⵉⵢⵏ',
          en: 'Share committed to Moroccan startups',
        },
        field: 'strategy.morocco_share',
        weight: 25,
        bands: [
          { min: 50, max: 65, points: 0.4 },
          { min: 65, max: 80, points: 0.7 },
          { min: 80, points: 1 },
        ],
      },
      {
        id: 'target_size',
        label: {
          fr: 'Taille cible du fonds',
          ar: 'الحجم المستهدف للصندوق',
          zgh: 'ⵜⵉⴷⴷⵉ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ ⵏ ⵜⵙⵏⴷⵓⵇⵜ',
          en: 'Target fund size',
        },
        field: 'fund.target_size',
        weight: 15,
        bands: [
          { min: { mad: 200_000_000 }, max: { mad: 300_000_000 }, points: 0.4 },
          { min: { mad: 300_000_000 }, max: { mad: 500_000_000 }, points: 0.7 },
          { min: { mad: 500_000_000 }, points: 1 },
        ],
      },
      {
        id: 'management_fee',
        label: {
          fr: 'Frais de gestion',
          ar: 'رسوم التدبير',
          zgh: 'ⵉⵚⵕⵓⴼⵏ ⵏ ⵓⵙⵡⵓⴷⴷⵓ',
          en: 'Management fee',
        },
        field: 'terms.management_fee',
        weight: 15,
        // Above 2.5 % the fund is not eligible; the last band stays open so that every
        // answer is explained by a band.
        bands: [
          { max: 2, points: 1 },
          { min: 2, max: 2.25, points: 0.6 },
          { min: 2.25, points: 0.3 },
        ],
      },
      {
        id: 'early_stage_focus',
        label: {
          fr: 'Investissement en amorçage',
          ar: 'الاستثمار في مراحل الانطلاق',
          zgh: 'ⴰⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ ⴳ ⵓⵙⵏⵓⵍⴼⵓ',
          en: 'Early-stage investment',
        },
        field: 'strategy.stages',
        weight: 10,
        // The earliest stage the fund invests in decides (first band the answer meets).
        bands: [
          { in: ['pre_seed', 'seed'], points: 1 },
          { equals: 'series_a', points: 0.6 },
          { equals: 'growth', points: 0.3 },
        ],
      },
      {
        id: 'moroccan_domicile',
        label: {
          fr: 'Fonds domicilié au Maroc',
          ar: 'صندوق مسجل في المغرب',
          zgh: 'ⵜⴰⵙⵏⴷⵓⵇⵜ ⵉⵜⵜⵓⵙⵊⵊⵍⵏ ⴳ ⵍⵎⵖⵔⵉⴱ',
          en: 'Fund domiciled in Morocco',
        },
        field: 'fund.domiciliation',
        weight: 10,
        bands: [
          { equals: 'morocco', points: 1 },
          { equals: 'other', points: 0.4 },
        ],
      },
    ],
  }
}
