import { test } from '@japa/runner'
import { blindAnswers, genericDocumentName, isIdentifying } from '#reviews/blind_view'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { startupOfferForm } from '#database/forms/startup_offer'
import { vcCallForm } from '#database/forms/vc_call'

const FORM: FormDefinition = {
  sections: [
    {
      key: 'project',
      title: { fr: 'Projet' },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom' } },
        { key: 'pitch', type: 'long_text', label: { fr: 'Pitch' } },
        { key: 'partner', type: 'text', label: { fr: 'Partenaire' }, identifying: true },
        { key: 'deck', type: 'file', label: { fr: 'Deck' } },
        {
          key: 'founders',
          type: 'group',
          label: { fr: 'Fondateurs' },
          fields: [
            { key: 'full_name', type: 'text', label: { fr: 'Nom' } },
            { key: 'role', type: 'text', label: { fr: 'Rôle' } },
          ],
        },
      ],
    },
  ],
}

test.group('Blind view of answers', () => {
  test('identifying fields are masked, identity strings scrubbed from the others', ({ assert }) => {
    const answers = blindAnswers(
      FORM,
      {
        project: {
          name: 'Argan Labs',
          pitch: 'Chez ARGAN LABS, Salma Idrissi et son équipe…',
          partner: 'OCP',
          deck: 12,
          founders: [{ full_name: 'Salma Idrissi', role: 'CEO' }],
        },
        extra: { secret: 'kept out' },
      },
      { fullName: 'Salma Idrissi', organizationName: 'Argan Labs', email: 'salma@argan.ma' },
      '[masqué]'
    )
    assert.deepEqual(answers, {
      project: {
        name: '[masqué]',
        pitch: 'Chez [masqué], [masqué] et son équipe…',
        partner: '[masqué]',
        deck: 12,
        founders: [{ full_name: '[masqué]', role: 'CEO' }],
      },
    })
  })

  test('the seeded forms flag the fields that name the applicant', ({ assert }) => {
    const flagged = (form: FormDefinition) =>
      form.sections.flatMap((section) =>
        section.fields.flatMap((field) => [
          ...(isIdentifying(field) ? [`${section.key}.${field.key}`] : []),
          ...(field.fields ?? [])
            .filter(isIdentifying)
            .map((sub) => `${section.key}.${field.key}.${sub.key}`),
        ])
      )
    assert.includeMembers(flagged(startupOfferForm), ['startup.name', 'team.founders.full_name'])
    assert.includeMembers(flagged(vcCallForm), [
      'fund.fund_name',
      'team.management_team',
      'team.previous_funds.name',
    ])
  })

  test('documents get a generic name', ({ assert }) => {
    assert.equal(genericDocumentName(3, 'application/pdf'), 'document-3.pdf')
    assert.equal(genericDocumentName(4, 'image/jpeg'), 'document-4.jpg')
  })
})
