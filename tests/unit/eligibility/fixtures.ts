import type { FormDefinition } from '#programmes/forms/form_definition'

/** A small form with one field of every kind the rules can read. */
export const testForm: FormDefinition = {
  sections: [
    {
      key: 'profile',
      title: { fr: 'Profil' },
      fields: [
        { key: 'experience_years', type: 'number', label: { fr: 'Expérience' }, min: 0, max: 60 },
        { key: 'revenue', type: 'money', label: { fr: 'Chiffre d’affaires' }, min: 0 },
        { key: 'founded_on', type: 'date', label: { fr: 'Création' } },
        {
          key: 'region',
          type: 'select',
          label: { fr: 'Région' },
          options: ['casablanca_settat', 'rabat_sale_kenitra', 'souss_massa', 'oriental'].map(
            (value) => ({ value, label: { fr: value } })
          ),
        },
        {
          key: 'sectors',
          type: 'multi_select',
          label: { fr: 'Secteurs' },
          options: ['agritech', 'fintech', 'healthtech', 'edtech', 'cleantech'].map((value) => ({
            value,
            label: { fr: value },
          })),
        },
        { key: 'women_led', type: 'boolean', label: { fr: 'Dirigée par une femme' } },
        { key: 'summary', type: 'text', label: { fr: 'Résumé' } },
        { key: 'cv', type: 'file', label: { fr: 'CV' }, accept: ['application/pdf'] },
      ],
    },
    {
      key: 'team',
      title: { fr: 'Équipe' },
      fields: [
        {
          key: 'founders',
          type: 'group',
          label: { fr: 'Fondateurs' },
          fields: [
            { key: 'name', type: 'text', label: { fr: 'Nom' } },
            { key: 'experience', type: 'number', label: { fr: 'Expérience' } },
            {
              key: 'gender',
              type: 'select',
              label: { fr: 'Genre' },
              options: ['female', 'male', 'undisclosed'].map((value) => ({
                value,
                label: { fr: value },
              })),
            },
          ],
        },
      ],
    },
  ],
}

export const REGIONS = ['casablanca_settat', 'rabat_sale_kenitra', 'souss_massa', 'oriental']
export const SECTORS = ['agritech', 'fintech', 'healthtech', 'edtech', 'cleantech']
export const GENDERS = ['female', 'male', 'undisclosed']

/** The message every example condition carries. */
export const message = (fr: string) => ({ fr, en: fr })
