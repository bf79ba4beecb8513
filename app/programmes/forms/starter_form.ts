import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'
import { KINDS_ASKING_AN_AMOUNT } from '#programmes/forms/requested_amount'

/**
 * A starting point for a call without a form yet: one section, one field, and the
 * requested amount where the programme's award is the amount asked.
 */
export function starterForm(kind: string): FormDefinition {
  const fields: FieldDefinition[] = [
    {
      key: 'name',
      type: 'text',
      label: { fr: 'Nom du projet', ar: 'اسم المشروع', zgh: 'ⵉⵙⵎ ⵏ ⵓⵙⵏⴼⴰⵔ', en: 'Project name' },
      required: true,
    },
  ]
  if (KINDS_ASKING_AN_AMOUNT.has(kind)) {
    fields.push({
      key: 'amount_requested',
      type: 'money',
      label: {
        fr: 'Montant demandé (MAD)',
        ar: 'المبلغ المطلوب (بالدرهم)',
        zgh: 'ⴰⵎⴹⴰⵏ ⵉⵜⵜⵓⵜⵜⵔⵏ (MAD)',
        en: 'Amount requested (MAD)',
      },
      required: true,
      min: 1,
      requestedAmount: true,
    })
  }
  return {
    sections: [
      {
        key: 'project',
        title: { fr: 'Projet', ar: 'المشروع', zgh: 'ⴰⵙⵏⴼⴰⵔ', en: 'Project' },
        fields,
      },
    ],
  }
}
