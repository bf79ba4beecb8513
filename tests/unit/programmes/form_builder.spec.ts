import { test } from '@japa/runner'
import { MINIMAL_FORM } from '#database/factories/programme_factory'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import {
  applyBuilderCommand,
  builderFormOf,
  conditionTargets,
  definitionOfBuilder,
} from '#programmes/forms/form_builder'

test.group('Visual form editor: reading what was posted', () => {
  test('any shape is read without failing, and lists are bounded', ({ assert }) => {
    for (const input of [
      null,
      'x',
      [],
      { sections: 'x' },
      { sections: [[1]] },
      { sections: { a: {} } },
    ]) {
      assert.deepEqual(builderFormOf(input), { sections: [] })
    }
    const many = { sections: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [i, {}])) }
    assert.lengthOf(builderFormOf(many).sections, 40)
  })

  test('long lists posted as objects keep their order (indices past 20 are object keys)', ({
    assert,
  }) => {
    const fields = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [String(i), { key: `f_${i}`, type: 'text' }])
    )
    const form = builderFormOf({ sections: [{ key: 's', fields }] })
    assert.deepEqual(
      form.sections[0].fields.map((field) => field.key),
      Array.from({ length: 25 }, (_, i) => `f_${i}`)
    )
  })

  test('only what the type uses is saved; a bound typed as words stays for the checker', ({
    assert,
  }) => {
    const form = builderFormOf({
      sections: [
        {
          key: 'project',
          title: { fr: 'Projet', xx: 'ignored' },
          fields: [
            {
              key: 'name',
              type: 'text',
              label: { fr: 'Nom', ar: '' },
              required: '1',
              maxLength: '120',
              min: '3',
              options: [{ value: 'a', label: { fr: 'A' } }],
            },
            { key: 'amount', type: 'money', label: { fr: 'Montant' }, max: 'beaucoup' },
          ],
        },
      ],
      requestedAmount: '0.1',
    })
    const definition = definitionOfBuilder(form)
    assert.deepEqual(definition.sections[0], {
      key: 'project',
      title: { fr: 'Projet' },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom' }, required: true, maxLength: 120 },
        {
          key: 'amount',
          type: 'money',
          label: { fr: 'Montant' },
          max: 'beaucoup',
          requestedAmount: true,
        } as any,
      ],
    })
    assert.deepEqual(
      checkFormDefinition(definition).map((problem) => problem.path),
      ['sections[0].fields[1].max']
    )
  })

  test('a condition is typed after the field it reads', ({ assert }) => {
    const definition = definitionOfBuilder(
      builderFormOf({
        sections: [
          {
            key: 's',
            title: { fr: 'S' },
            fields: [
              { key: 'flag', type: 'boolean', label: { fr: 'Flag' } },
              {
                key: 'kind',
                type: 'select',
                label: { fr: 'Kind' },
                options: [{ value: 'true', label: { fr: 'Vrai' } }],
              },
              {
                key: 'a',
                type: 'text',
                label: { fr: 'A' },
                visibleWhen: { field: 's.flag', operator: 'equals', value: 'true' },
              },
              {
                key: 'b',
                type: 'text',
                label: { fr: 'B' },
                visibleWhen: { field: 's.kind', operator: 'equals', value: 'true' },
              },
              {
                key: 'c',
                type: 'text',
                label: { fr: 'C' },
                visibleWhen: { field: 's.kind', operator: 'in', value: 'true, x' },
              },
            ],
          },
        ],
      })
    )
    const fields = definition.sections[0].fields
    assert.deepEqual(fields[2].visibleWhen, { field: 's.flag', equals: true })
    assert.deepEqual(fields[3].visibleWhen, { field: 's.kind', equals: 'true' })
    assert.deepEqual(fields[4].visibleWhen, { field: 's.kind', in: ['true', 'x'] })
  })

  test('buttons add, move and remove sections, fields, group fields and options', ({ assert }) => {
    const form = builderFormOf(structuredClone(MINIMAL_FORM))
    assert.isTrue(applyBuilderCommand(form, 'add_section'))
    assert.equal(form.sections[1].key, 'section_2')
    assert.isTrue(applyBuilderCommand(form, 'section_up:1'))
    assert.equal(form.sections[0].key, 'section_2')
    assert.isTrue(applyBuilderCommand(form, 'remove_section:0'))
    assert.isTrue(applyBuilderCommand(form, 'field_down:0.0'))
    assert.deepEqual(
      form.sections[0].fields.map((field) => field.key),
      ['amount', 'name', 'deck']
    )
    form.sections[0].fields[1].type = 'group'
    assert.isTrue(applyBuilderCommand(form, 'add_subfield:0.1'))
    assert.isTrue(applyBuilderCommand(form, 'add_option:0.1.0'))
    assert.deepEqual(form.sections[0].fields[1].fields![0].options, [
      { value: 'option_1', label: {} },
    ])
    assert.isTrue(applyBuilderCommand(form, 'remove_option:0.1.0@0'))
    assert.isTrue(applyBuilderCommand(form, 'remove_field:0.1.0'))
    assert.lengthOf(form.sections[0].fields[1].fields!, 0)
    for (const odd of ['remove_field:9.9', 'drop', 'add_subfield:0.0', 42, 'field_up:0.0.0.0.0']) {
      assert.isFalse(applyBuilderCommand(form, odd), String(odd))
    }
  })

  test('a condition may read the earlier answers only, groups excepted', ({ assert }) => {
    const form = builderFormOf(structuredClone(MINIMAL_FORM))
    assert.deepEqual(
      conditionTargets(form, 0, 2).map((target) => target.path),
      ['project.name', 'project.amount']
    )
    assert.deepEqual(conditionTargets(form, 0, -1), [])
  })
})
