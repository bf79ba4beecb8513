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

test.group('Form definitions / the declared requested amount', () => {
  const money = (key: string, extra: Record<string, unknown> = {}) => ({
    key,
    type: 'money' as const,
    label: { fr: key },
    ...extra,
  })
  const formWith = (fields: any[], group: any[] = []): FormDefinition => ({
    sections: [
      {
        key: 'funding',
        title: { fr: 'Financement' },
        fields: [
          ...fields,
          ...(group.length
            ? [{ key: 'lines', type: 'group', label: { fr: 'Lignes' }, fields: group }]
            : []),
        ],
      },
    ],
  })
  const problemsOf = (input: unknown, kind?: string) =>
    checkFormDefinition(input, kind).map((problem) => problem.path)

  test('one money field flagged is the requested amount, for every kind', ({ assert }) => {
    const form = formWith([money('total'), money('asked', { requestedAmount: true })])
    for (const kind of ['startup_offer', 'vc_call', 'living_grant', 'training', undefined]) {
      assert.deepEqual(checkFormDefinition(form, kind), [])
    }
  })

  test('a startup offer or VC call form without it is refused; a living grant form may go without', ({
    assert,
  }) => {
    const form = formWith([money('asked')])
    for (const kind of ['startup_offer', 'vc_call']) {
      const problems = checkFormDefinition(form, kind)
      assert.lengthOf(problems, 1)
      assert.include(problems[0].message, '"requestedAmount": true')
    }
    assert.deepEqual(checkFormDefinition(form, 'living_grant'), [])
    assert.deepEqual(checkFormDefinition(form), [], 'without a kind, nothing is required')
  })

  test('the flag on a field that is not money, inside a group, twice, or not a boolean is refused', ({
    assert,
  }) => {
    const text = { key: 'name', type: 'text', label: { fr: 'Nom' }, requestedAmount: true }
    assert.deepEqual(problemsOf(formWith([text, money('asked')])), [
      'sections[0].fields[0].requestedAmount',
    ])
    assert.deepEqual(problemsOf(formWith([money('a')], [money('b', { requestedAmount: true })])), [
      'sections[0].fields[1].fields[0].requestedAmount',
    ])
    const twice = checkFormDefinition(
      formWith([money('a', { requestedAmount: true }), money('b', { requestedAmount: true })]),
      'startup_offer'
    )
    assert.deepEqual(
      twice.map((problem) => problem.message),
      ['only one field can be the requested amount (flagged: funding.a, funding.b)']
    )
    assert.deepEqual(problemsOf(formWith([money('a', { requestedAmount: 'yes' })])), [
      'sections[0].fields[0].requestedAmount',
    ])
  })
})
