import { test } from '@japa/runner'
import fc from 'fast-check'
import { errors } from '@vinejs/vine'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { answersValidator } from '#programmes/forms/answers_validator'
import type { FormDefinition } from '#programmes/forms/form_definition'

const definition: FormDefinition = {
  sections: [
    {
      key: 'profile',
      title: { fr: 'Profil', ar: 'الملف' },
      fields: [
        {
          key: 'summary',
          type: 'long_text',
          label: { fr: 'Résumé' },
          required: true,
          minLength: 20,
        },
        {
          key: 'experience_years',
          type: 'number',
          label: { fr: 'Expérience' },
          required: true,
          min: 0,
          max: 60,
        },
        { key: 'amount', type: 'money', label: { fr: 'Montant' }, min: 0, max: 500_000 },
        { key: 'start_on', type: 'date', label: { fr: 'Début' } },
        {
          key: 'innovation',
          type: 'select',
          label: { fr: 'Innovation' },
          required: true,
          options: [
            { value: 'growth', label: { fr: 'Croissance' } },
            { value: 'disruptive', label: { fr: 'Rupture' } },
          ],
        },
        { key: 'women_led', type: 'boolean', label: { fr: 'Dirigée par une femme' } },
        { key: 'cv', type: 'file', label: { fr: 'CV' }, accept: ['application/pdf'], maxSizeMb: 5 },
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
          required: true,
          minItems: 1,
          maxItems: 5,
          fields: [{ key: 'name', type: 'text', label: { fr: 'Nom' }, required: true }],
        },
      ],
    },
  ],
}

test.group('Form definitions', () => {
  test('a well-formed definition has no problem', ({ assert }) => {
    assert.deepEqual(checkFormDefinition(definition), [])
  })

  test('each problem is reported with its exact path', ({ assert }) => {
    const broken = structuredClone(definition) as any
    broken.sections[0].fields[4].options = []
    broken.sections[0].fields[1].min = 10
    broken.sections[0].fields[1].max = 5
    broken.sections[0].fields[6].accept = ['application/x-msdownload']
    broken.sections[1].fields[0].fields.push({ key: 'name', type: 'text', label: { fr: 'Nom' } })
    broken.sections[1].title = { en: 'Team' }
    const problems = checkFormDefinition(broken).map((problem) => problem.path)
    assert.sameMembers(problems, [
      'sections[0].fields[4].options',
      'sections[0].fields[1].min',
      'sections[0].fields[6].accept',
      'sections[1].fields[0].fields[1].key',
      'sections[1].title',
    ])
  })

  test('groups cannot nest and keys must be snake case', ({ assert }) => {
    const problems = checkFormDefinition({
      sections: [
        {
          key: 'Bad Key',
          title: { fr: 'X' },
          fields: [
            {
              key: 'outer',
              type: 'group',
              label: { fr: 'G' },
              fields: [{ key: 'inner', type: 'group', label: { fr: 'G' }, fields: [] }],
            },
          ],
        },
      ],
    })
    assert.deepEqual(
      problems.map((problem) => problem.path),
      ['sections[0].key', 'sections[0].fields[0].fields[0].type']
    )
  })

  test('any input at all gets a list of problems, never an exception', ({ assert }) => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const problems = checkFormDefinition(input)
        assert.isArray(problems)
      }),
      { numRuns: 1000 }
    )
  })
})

test.group('Answers validator built from a definition', () => {
  const answers = {
    profile: {
      summary: 'A platform for irrigation scheduling in Souss-Massa.',
      experience_years: '7',
      amount: '250000.50',
      start_on: '2027-01-15',
      innovation: 'disruptive',
      women_led: 'on',
      cv: 12,
      unexpected: 'dropped',
    },
    team: { founders: [{ name: 'Amina' }] },
  }

  test('a complete submission is accepted, cast and stripped of unknown keys', async ({
    assert,
  }) => {
    const valid = await answersValidator(definition, 'submission').validate(answers)
    assert.deepEqual(valid.profile, {
      summary: 'A platform for irrigation scheduling in Souss-Massa.',
      experience_years: 7,
      amount: 25_000_050,
      start_on: '2027-01-15',
      innovation: 'disruptive',
      women_led: true,
      cv: 12,
    })
  })

  test('a submission misses nothing required, and says where', async ({ assert }) => {
    try {
      await answersValidator(definition, 'submission').validate({
        profile: { innovation: 'other' },
        team: {},
      })
      assert.fail('should have been refused')
    } catch (error) {
      assert.instanceOf(error, errors.E_VALIDATION_ERROR)
      const fields = (error as any).messages.map((message: any) => message.field)
      assert.includeMembers(fields, [
        'profile.summary',
        'profile.experience_years',
        'profile.innovation',
        'team.founders',
      ])
    }
  })

  test('a draft may be incomplete but never out of bounds', async ({ assert }) => {
    const draft = await answersValidator(definition, 'draft').validate({
      profile: { summary: 'short' },
    })
    assert.equal(draft.profile!.summary, 'short')
    await assert.rejects(() =>
      answersValidator(definition, 'draft').validate({ profile: { experience_years: 99 } })
    )
  })

  test('an object where a number belongs is a field error, never an exception', async ({
    assert,
  }) => {
    // Found by fuzzing: VineJS converts the value first, and { toString: 0 } throws there.
    for (const value of [{ toString: 0 }, { valueOf: 'x' }, [7]]) {
      try {
        await answersValidator(definition, 'draft').validate({
          profile: { experience_years: value },
        })
        assert.fail('accepted an object as a number')
      } catch (error) {
        assert.instanceOf(error, errors.E_VALIDATION_ERROR)
      }
    }
  })
})
