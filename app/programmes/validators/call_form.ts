import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import type { FormDefinition } from '#programmes/forms/form_definition'

/** Where JSON.parse stopped, as a line and column the officer can find in the textarea. */
export function positionOf(error: unknown, text: string) {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '')
  const offset = match ? Number(match[1]) : text.length
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1].length + 1 }
}

/**
 * The textarea's text must be JSON and a usable form definition for the call's programme
 * kind (`meta.kind`: a startup offer or VC call form declares its requested amount);
 * every problem is reported on its own, with its exact path, and nothing is saved.
 */
const formDefinitionRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch (error) {
      field.report('The definition is not valid JSON', 'json', field, positionOf(error, value))
      return
    }
    for (const problem of checkFormDefinition(parsed, field.meta.kind)) {
      field.report(`${problem.path}: ${problem.message}`, 'formDefinition', field, problem)
    }
  }
)

export const callFormValidator = vine.withMetaData<{ kind: string }>().create({
  definition: vine
    .string()
    .maxLength(200_000)
    .use(formDefinitionRule())
    .transform((value) => JSON.parse(value) as FormDefinition),
})
