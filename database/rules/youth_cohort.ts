import type { RuleSet } from '#eligibility/rule_set'

/**
 * Rules of a typical Jazari cohort, for the demo seed and the tests: 18 to 35 years old on
 * the cohort's first day, at least the baccalaureate; the score rewards education (60) and
 * experience (40).
 */
export const YOUTH_COHORT_RULES: RuleSet = {
  eligibility: {
    all: [
      {
        id: 'age_18_35',
        field: 'trainee.birth_date',
        operator: 'within',
        value: [
          { years: 35, before: 'closing_date' },
          { years: 18, before: 'closing_date' },
        ],
        message: {
          fr: 'Avoir entre 18 et 35 ans au début de la cohorte.',
          ar: 'أن يتراوح عمرك بين 18 و35 سنة عند بداية الفوج.',
          zgh: 'ⴰⴷ ⵜⵉⵍⵉⴷ ⴳⵔ 18 ⴷ 35 ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⴳ ⵜⵉⵣⵡⵓⵔⵉ ⵏ ⵜⵔⴱⴰⵄⵜ.',
          en: 'Be between 18 and 35 years old when the cohort starts.',
        },
      },
      {
        id: 'baccalaureate',
        field: 'trainee.education_level',
        operator: 'in',
        value: ['baccalaureate', 'bac_plus_2', 'bachelor', 'master', 'doctorate'],
        message: {
          fr: 'Avoir au moins le baccalauréat.',
          ar: 'التوفر على شهادة البكالوريا على الأقل.',
          zgh: 'ⴰⴷ ⵖⵓⵔⴽ ⵜⵉⵍⵉ ⵜⴰⴳⵔⴰⴷⵜ ⵏ ⴱⴰⴽⴰⵍⵓⵔⵢⴰ.',
          en: 'Hold at least the baccalaureate.',
        },
      },
    ],
  },
  scoring: [
    {
      id: 'education',
      label: { fr: 'Niveau d’études', en: 'Education' },
      field: 'trainee.education_level',
      weight: 60,
      bands: [
        { in: ['master', 'doctorate'], points: 1 },
        { in: ['bachelor'], points: 0.75 },
        { in: ['bac_plus_2'], points: 0.5 },
      ],
      otherwise: 0.25,
    },
    {
      id: 'experience',
      label: { fr: 'Expérience', en: 'Experience' },
      field: 'trainee.experience_years',
      weight: 40,
      bands: [
        { min: 3, points: 1 },
        { min: 1, max: 3, points: 0.5 },
      ],
    },
  ],
}
