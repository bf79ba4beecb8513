import { test } from '@japa/runner'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { answersValidator } from '#programmes/forms/answers_validator'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { CONDITIONAL_FORM } from '#tests/unit/programmes/conditional_form'
import {
  conditionHolds,
  formPages,
  visibleAnswers,
  visibleFields,
} from '#programmes/forms/visibility'

const keys = (definition: FormDefinition) =>
  definition.sections.map(
    (section) => `${section.key}: ${section.fields.map((field) => field.key).join(',')}`
  )

test.group('Form visibility', () => {
  test('the conditional form is a valid definition', ({ assert }) => {
    assert.deepEqual(checkFormDefinition(CONDITIONAL_FORM), [])
  })

  test('a field shows only when its condition holds', ({ assert }) => {
    assert.deepEqual(keys(visibleFields(CONDITIONAL_FORM, { job: { status: 'employed' } })), [
      'job: status,has_cofounder',
    ])
    assert.deepEqual(keys(visibleFields(CONDITIONAL_FORM, { job: { status: 'resigned' } })), [
      'job: status,resigned_on,proof,has_cofounder',
    ])
  })

  test('a section shows only when its condition holds, read as drafts keep booleans', ({
    assert,
  }) => {
    for (const yes of [true, 'true', 'on', '1']) {
      assert.deepEqual(keys(visibleFields(CONDITIONAL_FORM, { job: { has_cofounder: yes } })), [
        'job: status,has_cofounder',
        'cofounder: name',
      ])
    }
    for (const no of [false, 'false', undefined, '']) {
      assert.lengthOf(visibleFields(CONDITIONAL_FORM, { job: { has_cofounder: no } }).sections, 1)
    }
  })

  test('a field depending on a hidden field is hidden, whatever its answer says', ({ assert }) => {
    const answers = { job: { has_cofounder: false }, cofounder: { name: 'Salma', email: 's@x.ma' } }
    assert.deepEqual(visibleAnswers(CONDITIONAL_FORM, answers), { job: { has_cofounder: false } })
    assert.deepEqual(
      visibleAnswers(CONDITIONAL_FORM, { ...answers, job: { has_cofounder: true } }),
      { job: { has_cofounder: true }, cofounder: { name: 'Salma', email: 's@x.ma' } }
    )
  })

  test('a form without conditions is returned as it is', ({ assert }) => {
    const plain: FormDefinition = { sections: [{ ...CONDITIONAL_FORM.sections[0], fields: [] }] }
    assert.strictEqual(visibleFields(plain, {}), plain)
    const answers = { job: { status: 'x' } }
    assert.strictEqual(visibleAnswers(plain, answers), answers)
  })

  test('in: a select is one of the values, a multi-select contains one of them', ({ assert }) => {
    const when = { field: 's.f', in: ['a', 'b'] }
    assert.isTrue(conditionHolds(when, 'a'))
    assert.isFalse(conditionHolds(when, 'c'))
    assert.isTrue(conditionHolds(when, ['c', 'b']))
    assert.isFalse(conditionHolds(when, []))
    assert.isFalse(conditionHolds(when, undefined))
    assert.isFalse(conditionHolds({ field: 's.f', notEmpty: true }, []))
    assert.isTrue(conditionHolds({ field: 's.f', notEmpty: true }, 0))
  })

  test('pages start at the first section and at each section with newPage', ({ assert }) => {
    assert.deepEqual(
      formPages(CONDITIONAL_FORM).map((page) => page.map((section) => section.key)),
      [['job'], ['cofounder']]
    )
  })

  test('the validator does not require a hidden field and drops its answer', async ({ assert }) => {
    const answers = {
      job: { status: 'employed', resigned_on: '2026-01-01', has_cofounder: false },
      cofounder: { email: 'orphan@x.ma' },
    }
    const valid = await answersValidator(CONDITIONAL_FORM, 'submission', answers).validate(answers)
    assert.deepEqual(valid, { job: { status: 'employed', has_cofounder: false } })
  })

  test('the validator requires a conditional field once shown', async ({ assert }) => {
    const answers = { job: { status: 'resigned', has_cofounder: true }, cofounder: {} }
    const [error] = await answersValidator(CONDITIONAL_FORM, 'submission', answers).tryValidate(
      answers
    )
    assert.sameMembers(
      (error as any).messages.map((message: { field: string }) => message.field),
      ['job.resigned_on', 'cofounder.name']
    )
  })
})

test.group('Form definition checker: conditions and pages', () => {
  const withCondition = (visibleWhen: unknown, at: 'field' | 'section' = 'field') => {
    const copy = structuredClone(CONDITIONAL_FORM) as any
    if (at === 'field') copy.sections[0].fields[1].visibleWhen = visibleWhen
    else copy.sections[1].visibleWhen = visibleWhen
    return checkFormDefinition(copy)
  }

  test('a condition must name an earlier top-level field', ({ assert }) => {
    assert.deepEqual(withCondition({ field: 'job.nope', equals: 'resigned' }), [
      {
        path: 'sections[0].fields[1].visibleWhen.field',
        message: 'must name a field asked before this one ("section.field"), outside any group',
      },
    ])
    // Later in the form (no cycles: a condition only reads backwards).
    assert.lengthOf(withCondition({ field: 'job.has_cofounder', equals: true }), 1)
    assert.lengthOf(withCondition({ field: 'job.resigned_on', notEmpty: true }), 1)
    assert.lengthOf(withCondition({ field: 'cofounder.name', notEmpty: true }, 'section'), 1)
  })

  test('the operator must fit the field type and its options', ({ assert }) => {
    assert.deepEqual(
      withCondition({ field: 'job.status', equals: 'retired' }).map((problem) => problem.path),
      ['sections[0].fields[1].visibleWhen.equals']
    )
    assert.deepEqual(
      withCondition({ field: 'job.status', in: [] }).map((problem) => problem.path),
      ['sections[0].fields[1].visibleWhen.in']
    )
    assert.deepEqual(
      withCondition({ field: 'job.has_cofounder', in: ['yes'] }, 'section').map(
        (problem) => problem.message
      ),
      ['"in" does not apply to a boolean field']
    )
    assert.deepEqual(
      withCondition({ field: 'job.has_cofounder', equals: 'yes' }, 'section').map(
        (problem) => problem.path
      ),
      ['sections[1].visibleWhen.equals']
    )
    assert.lengthOf(withCondition({ field: 'job.status', equals: 'resigned', in: ['x'] }), 1)
    assert.lengthOf(withCondition('job.status'), 1)
  })

  test('the requested amount and fields inside groups cannot be conditional', ({ assert }) => {
    const form: any = structuredClone(CONDITIONAL_FORM)
    form.sections[1].fields.push({
      key: 'amount',
      type: 'money',
      label: { fr: 'Montant' },
      requestedAmount: true,
    })
    form.sections[0].fields.push({
      key: 'team',
      type: 'group',
      label: { fr: 'Équipe' },
      fields: [
        {
          key: 'name',
          type: 'text',
          label: { fr: 'Nom' },
          visibleWhen: { field: 'job.status', notEmpty: true },
        },
      ],
    })
    form.sections[1].newPage = 'yes'
    assert.sameMembers(
      checkFormDefinition(form).map((problem) => problem.path),
      [
        'sections[0].fields[4].fields[0].visibleWhen',
        'sections[1].newPage',
        'sections[1].visibleWhen',
      ]
    )
  })
})
