import { test } from '@japa/runner'
import fc from 'fast-check'
import { mergeDraftAnswers, typedAnswers } from '#applications/answers'
import { APPLICATION_FORMS } from '#database/forms/index'
import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'

/**
 * What an API client saves in a draft reads back with the same JSON values, field type
 * by field type (repeatable groups are covered by tests/functional/applications/api_contract).
 */
function valueOf(field: FieldDefinition): fc.Arbitrary<unknown> | null {
  const options = (field.options ?? []).map((option) => option.value)
  switch (field.type) {
    case 'text':
    case 'long_text':
      return fc.string({ minLength: 1, maxLength: 200 })
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n))
    case 'money':
      // Three decimals too: invalid, so it must stay what it is for submission to refuse it
      // (read as text, "100.123" would become 100 123 MAD).
      return fc.integer({ min: 0, max: 100_000_000_000 }).map((millimes) => millimes / 1000)
    case 'date':
      return fc
        .date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10))
    case 'select':
      return fc.constantFrom(...options)
    case 'multi_select':
      return fc.uniqueArray(fc.constantFrom(...options), { minLength: 1 })
    case 'boolean':
      return fc.boolean()
    default:
      return null
  }
}

function answersOf(definition: FormDefinition) {
  return fc.record(
    Object.fromEntries(
      definition.sections.map((section) => [
        section.key,
        fc.record(
          Object.fromEntries(
            section.fields.flatMap((field) => {
              const value = valueOf(field)
              return value ? [[field.key, value]] : []
            })
          ),
          { requiredKeys: [] }
        ),
      ])
    )
  )
}

test.group('Application answers: a draft reads back as an API client sent it', () => {
  for (const [kind, definition] of Object.entries(APPLICATION_FORMS)) {
    test(`${kind}: every field type keeps its JSON value`, ({ assert }) => {
      fc.assert(
        fc.property(answersOf(definition), (answers) => {
          const draft = mergeDraftAnswers(definition, {}, JSON.parse(JSON.stringify(answers)))
          assert.deepEqual(typedAnswers(definition, JSON.parse(JSON.stringify(draft))), answers)
        }),
        { numRuns: 1000 }
      )
    })
  }
})
