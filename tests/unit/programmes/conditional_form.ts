import type { FormDefinition } from '#programmes/forms/form_definition'

/** A living-grant-like form: the resignation date is asked only of who resigned. */
export const CONDITIONAL_FORM: FormDefinition = {
  sections: [
    {
      key: 'job',
      title: { fr: 'Emploi' },
      fields: [
        {
          key: 'status',
          type: 'select',
          label: { fr: 'Statut' },
          required: true,
          options: [
            { value: 'employed', label: { fr: 'En poste' } },
            { value: 'resigned', label: { fr: 'Démissionnaire' } },
          ],
        },
        {
          key: 'resigned_on',
          type: 'date',
          label: { fr: 'Date de démission' },
          required: true,
          visibleWhen: { field: 'job.status', equals: 'resigned' },
        },
        {
          key: 'proof',
          type: 'file',
          label: { fr: 'Attestation de démission' },
          accept: ['application/pdf'],
          visibleWhen: { field: 'job.status', equals: 'resigned' },
        },
        { key: 'has_cofounder', type: 'boolean', label: { fr: 'Cofondateur ?' } },
      ],
    },
    {
      key: 'cofounder',
      title: { fr: 'Cofondateur' },
      newPage: true,
      visibleWhen: { field: 'job.has_cofounder', equals: true },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom' }, required: true },
        {
          key: 'email',
          type: 'text',
          label: { fr: 'Courriel' },
          visibleWhen: { field: 'cofounder.name', notEmpty: true },
        },
      ],
    },
  ],
}
