import db from '@adonisjs/lucid/services/db'
import { tokenOf } from '#tests/functional/reviews/scoring_fixtures'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { userWithRoles } from '#database/factories/user_factory'
import type { FormDefinition } from '#programmes/forms/form_definition'

/** An applicant with a bearer token. */
export async function applicantWithToken() {
  const applicant = await userWithRoles('applicant')
  return { applicant, token: await tokenOf(applicant) }
}

/** A fund manager, member of a fund manager company, with a bearer token. */
export async function fundManagerWithToken() {
  const manager = await userWithRoles('fund_manager')
  const company = await OrganizationFactory.apply('fundManager').create()
  await db.table('organization_members').insert({
    organization_id: company.id,
    user_id: manager.id,
    role: 'member',
    created_at: new Date(),
  })
  return { manager, company, token: await tokenOf(manager) }
}

/** Every field type, with limits, options, a repeatable group and the requested amount. */
export const EVERY_TYPE_FORM = {
  sections: [
    {
      key: 'profile',
      title: { fr: 'Profil', ar: 'الملف', zgh: 'ⴰⴼⵔⴷⵉⵙ', en: 'Profile' },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom', en: 'Name' }, required: true },
        { key: 'summary', type: 'long_text', label: { fr: 'Résumé' }, minLength: 20 },
        { key: 'years', type: 'number', label: { fr: 'Années' }, min: 0, max: 60 },
        {
          key: 'amount',
          type: 'money',
          label: { fr: 'Montant demandé', en: 'Amount requested' },
          min: 0,
          max: 2_000_000,
          requestedAmount: true,
        },
        { key: 'starts_on', type: 'date', label: { fr: 'Début' } },
        {
          key: 'stage',
          type: 'select',
          label: { fr: 'Stade' },
          options: [
            { value: 'early', label: { fr: 'Amorçage', en: 'Early' } },
            { value: 'growth', label: { fr: 'Croissance', en: 'Growth' } },
          ],
        },
        {
          key: 'sectors',
          type: 'multi_select',
          label: { fr: 'Secteurs' },
          options: [
            { value: 'agritech', label: { fr: 'Agritech' } },
            { value: 'fintech', label: { fr: 'Fintech' } },
            { value: 'healthtech', label: { fr: 'Santé' } },
          ],
        },
        { key: 'women_led', type: 'boolean', label: { fr: 'Dirigée par une femme' } },
        {
          key: 'deck',
          type: 'file',
          label: { fr: 'Présentation' },
          accept: ['application/pdf'],
          maxSizeMb: 5,
        },
        {
          key: 'founders',
          type: 'group',
          label: { fr: 'Fondateurs' },
          maxItems: 4,
          fields: [
            { key: 'name', type: 'text', label: { fr: 'Nom' } },
            { key: 'share', type: 'number', label: { fr: 'Part' } },
            { key: 'full_time', type: 'boolean', label: { fr: 'À plein temps' } },
            { key: 'joined_on', type: 'date', label: { fr: 'Arrivée' } },
          ],
        },
      ],
    },
  ],
} as unknown as FormDefinition
