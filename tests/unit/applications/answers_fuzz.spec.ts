import { test } from '@japa/runner'
import fc from 'fast-check'
import { errors as vineErrors } from '@vinejs/vine'
import { mergeDraftAnswers, typedAnswers } from '#applications/answers'
import { answersValidator } from '#programmes/forms/answers_validator'
import { APPLICATION_FORMS } from '#database/forms/index'

/**
 * Whatever a browser or an API client sends, a draft is saved without error and only
 * ever holds the form's own keys; submission either validates or gives field errors.
 */
const anyInput = fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true })

function sectionsOf(kind: keyof typeof APPLICATION_FORMS) {
  const definition = APPLICATION_FORMS[kind]
  return { definition, keys: new Set(definition.sections.map((section) => section.key)) }
}

/** Inputs shaped like the form (its sections and fields), with any values in them. */
function formShapedInput(definition: (typeof APPLICATION_FORMS)[keyof typeof APPLICATION_FORMS]) {
  return fc.record(
    Object.fromEntries(
      definition.sections.map((section) => [
        section.key,
        fc.record(Object.fromEntries(section.fields.map((field) => [field.key, anyInput])), {
          requiredKeys: [],
        }),
      ])
    ),
    { requiredKeys: [] }
  )
}

test.group('Application answers under fuzzing', () => {
  for (const kind of Object.keys(APPLICATION_FORMS) as Array<keyof typeof APPLICATION_FORMS>) {
    test(`${kind}: any input is saved as a draft of the form's own keys`, ({ assert }) => {
      const { definition, keys } = sectionsOf(kind)
      fc.assert(
        fc.property(fc.oneof(anyInput, formShapedInput(definition)), (input) => {
          const draft = mergeDraftAnswers(definition, {}, input)
          for (const section of Object.keys(draft)) assert.isTrue(keys.has(section))
          JSON.stringify(draft)
        }),
        { numRuns: 1000 }
      )
    })

    test(`${kind}: submitting any draft validates or gives field errors, nothing else`, async ({
      assert,
    }) => {
      const { definition } = sectionsOf(kind)
      const validator = answersValidator(definition, 'submission')
      await fc.assert(
        fc.asyncProperty(formShapedInput(definition), async (input) => {
          const draft = mergeDraftAnswers(definition, {}, input)
          try {
            await validator.validate(typedAnswers(definition, draft))
          } catch (error) {
            assert.instanceOf(error, vineErrors.E_VALIDATION_ERROR)
          }
        }),
        { numRuns: 1000 }
      )
    })
  }
})
