import { test } from '@japa/runner'
import type { RuleSet } from '#eligibility/rule_set'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { checkSelfAnswers, selfCheckForm } from '#eligibility/self_check'

const FORM: FormDefinition = {
  sections: [
    {
      key: 'profile',
      title: { fr: 'Profil' },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom' }, required: true },
        { key: 'experience', type: 'number', label: { fr: 'Expérience (années)' }, required: true },
        { key: 'cv', type: 'file', label: { fr: 'CV' }, accept: ['application/pdf'] },
      ],
    },
    {
      key: 'project',
      title: { fr: 'Projet' },
      fields: [
        { key: 'summary', type: 'long_text', label: { fr: 'Résumé' } },
        {
          key: 'innovation',
          type: 'select',
          label: { fr: "Type d'innovation" },
          required: true,
          options: [
            { value: 'growth', label: { fr: 'Croissance' } },
            { value: 'disruptive', label: { fr: 'De rupture' } },
          ],
        },
      ],
    },
  ],
}

const RULES: RuleSet = {
  eligibility: {
    all: [
      {
        id: 'experience',
        field: 'profile.experience',
        operator: 'gte',
        value: 5,
        message: { fr: 'Il faut au moins 5 ans d’expérience.' },
      },
      {
        id: 'innovation',
        field: 'project.innovation',
        operator: 'in',
        value: ['growth', 'disruptive'],
        message: { fr: 'Le projet doit être innovant.' },
      },
      {
        id: 'cv',
        field: 'profile.cv',
        operator: 'present',
        message: { fr: 'Le CV est requis.' },
      },
    ],
  },
  scoring: [],
}

const CONTEXT = { closingDate: '2026-12-31', submissionDate: '2026-12-06' }

test.group('Eligibility self-check', () => {
  test('the form asks only the fields the eligibility rules read, never a file, none required', ({
    assert,
  }) => {
    const form = selfCheckForm(RULES, FORM)
    assert.deepEqual(
      form.sections.map((section) => [section.key, section.fields.map((field) => field.key)]),
      [
        ['profile', ['experience']],
        ['project', ['innovation']],
      ]
    )
    assert.isTrue(
      form.sections.every((section) => section.fields.every((field) => !field.required))
    )
  })

  test('each rule gets its verdict and, when it fails, its reason; rules on files are not checked here', ({
    assert,
  }) => {
    const check = checkSelfAnswers(
      RULES,
      FORM,
      { profile: { experience: 3 }, project: { innovation: 'growth' } },
      CONTEXT
    )
    assert.deepEqual(
      check.rules.map((rule) => [rule.id, rule.verdict]),
      [
        ['experience', 'failed'],
        ['innovation', 'passed'],
        ['cv', 'not_checked'],
      ]
    )
    assert.equal(check.outcome, 'not_eligible')
    assert.deepEqual(check.rules[0].message, { fr: 'Il faut au moins 5 ans d’expérience.' })
  })

  test('answers that pass every checkable rule are likely eligible; blanks are unanswered', ({
    assert,
  }) => {
    const passing = checkSelfAnswers(
      RULES,
      FORM,
      { profile: { experience: 7 }, project: { innovation: 'disruptive' } },
      CONTEXT
    )
    assert.equal(passing.outcome, 'likely_eligible')
    const blank = checkSelfAnswers(RULES, FORM, { profile: { experience: 7 } }, CONTEXT)
    assert.equal(blank.rules[1].verdict, 'unanswered')
    assert.equal(blank.outcome, 'incomplete')
  })
})
