import type { RuleSet } from '#eligibility/rule_set'
import { shiftIsoDate } from '#eligibility/calendar_dates'
import type { CallTerms } from '#database/rules/call_terms'

/**
 * Rules of a bourse de vie call (DESIGN §4), over database/forms/living_grant.ts: an
 * experienced employee (5 years or more), still employed or who resigned less than 12
 * months before the closing date. The score favours experience, disruptive innovation,
 * a start soon after the call, and a founder already working on the project full time.
 *
 * The project summary and the documents are required by the form and, as text and
 * files, cannot be scored.
 */
export function livingGrantRules({ closingDate }: CallTerms): RuleSet {
  // Band bounds are dates, not relative dates: counted here from the call's closing day.
  const monthsAfterClosing = (months: number) => shiftIsoDate(closingDate, { months }, 1)

  return {
    eligibility: {
      all: [
        {
          id: 'experience_at_least_5_years',
          field: 'experience.years_of_experience',
          operator: 'gte',
          value: 5,
          message: {
            fr: 'Au moins 5 années d’expérience professionnelle sont requises.',
            ar: 'يُشترط التوفر على 5 سنوات على الأقل من الخبرة المهنية.',
            zgh: 'ⵉⵇⵇⴰⵏ 5 ⵏ ⵢⵉⵙⴳⴳⵯⴰⵙⵏ ⵏ ⵜⵔⵎⵉⵜ ⵜⴰⵎⵙⵡⵓⵔⵉⵜ ⵏⵖ ⵓⴳⴳⴰⵔ.',
            en: 'At least 5 years of professional experience are required.',
          },
        },
        {
          any: [
            {
              id: 'currently_employed',
              field: 'experience.employment_status',
              operator: 'eq',
              value: 'employed',
              message: {
                fr: 'Vous devez être en poste, ou avoir démissionné moins de 12 mois avant la clôture de l’appel.',
                ar: 'يجب أن تكونوا في حالة شغل، أو أن تكونوا قد استقلتم قبل أقل من 12 شهرًا من تاريخ إغلاق الدعوة.',
                zgh: 'ⵉⵇⵇⴰⵏ ⴰⴷ ⵙⵓⵍ ⵜⵙⵡⵓⵔⵉⴷ, ⵏⵖ ⴰⴷ ⵜⴼⵍⴷ ⵜⴰⵡⵓⵔⵉ ⵏⵏⴽ ⴷⵔⵓⵙ ⵏ 12 ⵏ ⵢⵉⵢⵢⵉⵔⵏ ⵣⴰⵜ ⵉ ⵓⵎⴷⴰⵍ ⵏ ⵓⵖⵔⵓⵔ.',
                en: 'You must be employed, or have resigned less than 12 months before the call’s closing date.',
              },
            },
            {
              id: 'resigned_within_12_months',
              field: 'experience.resigned_on',
              operator: 'after',
              value: { months: 12, before: 'closing_date' },
              message: {
                fr: 'La démission doit dater de moins de 12 mois avant la clôture de l’appel.',
                ar: 'يجب أن تكون الاستقالة قد تمت قبل أقل من 12 شهرًا من تاريخ إغلاق الدعوة.',
                zgh: 'ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴼⵍⴷ ⵜⴰⵡⵓⵔⵉ ⵏⵏⴽ ⴷⵔⵓⵙ ⵏ 12 ⵏ ⵢⵉⵢⵢⵉⵔⵏ ⵣⴰⵜ ⵉ ⵓⵎⴷⴰⵍ ⵏ ⵓⵖⵔⵓⵔ.',
                en: 'The resignation must be less than 12 months before the call’s closing date.',
              },
            },
          ],
        },
      ],
    },
    scoring: [
      {
        id: 'experience_years',
        label: {
          fr: 'Années d’expérience professionnelle',
          ar: 'سنوات الخبرة المهنية',
          zgh: 'ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏ ⵜⵔⵎⵉⵜ ⵜⴰⵎⵙⵡⵓⵔⵉⵜ',
          en: 'Years of professional experience',
        },
        field: 'experience.years_of_experience',
        weight: 30,
        bands: [
          { min: 5, max: 7, points: 0.5 },
          { min: 7, max: 10, points: 0.75 },
          { min: 10, points: 1 },
        ],
      },
      {
        id: 'innovation_type',
        label: {
          fr: 'Type d’innovation',
          ar: 'نوع الابتكار',
          zgh: 'ⴰⵏⴰⵡ ⵏ ⵓⵙⵎⴰⵢⵏⵓ',
          en: 'Type of innovation',
        },
        field: 'project.innovation_type',
        weight: 30,
        bands: [
          { equals: 'disruptive', points: 1 },
          { equals: 'growth', points: 0.5 },
        ],
      },
      {
        id: 'planned_start_soon',
        label: {
          fr: 'Démarrage rapide du projet',
          ar: 'قرب موعد انطلاق المشروع',
          zgh: 'ⴰⵙⵏⵜⵉ ⵏ ⵓⵙⵏⴼⴰⵔ ⵙ ⵜⵖⴰⵡⵍⵉ',
          en: 'Project starting soon',
        },
        field: 'project.planned_start_on',
        weight: 25,
        bands: [
          // Within 3 months of the closing date (or already started): full points.
          { max: monthsAfterClosing(3), points: 1 },
          { min: monthsAfterClosing(3), max: monthsAfterClosing(6), points: 0.6 },
          { min: monthsAfterClosing(6), max: monthsAfterClosing(12), points: 0.25 },
        ],
      },
      {
        id: 'full_time_commitment',
        label: {
          fr: 'Engagement à plein temps dans le projet',
          ar: 'التفرغ الكامل للمشروع',
          zgh: 'ⴰⴽⵓⴷ ⴰⴽⴽⵯ ⵉⵜⵜⵓⴼⴽⴰⵏ ⵉ ⵓⵙⵏⴼⴰⵔ',
          en: 'Full-time commitment to the project',
        },
        field: 'experience.employment_status',
        weight: 15,
        bands: [
          { equals: 'resigned', points: 1 },
          { equals: 'employed', points: 0.5 },
        ],
      },
    ],
  }
}
