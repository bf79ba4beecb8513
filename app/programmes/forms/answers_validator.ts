import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import type { MessagesProviderContact, SchemaTypes } from '@vinejs/vine/types'
import type { I18n } from '@adonisjs/i18n'
import { localize } from '#core/i18n/localized_text'
import { DateTime } from 'luxon'
import { Money } from '#core/money'
import { safeText } from '#core/validators/clean_text'
import {
  FIELD_DEFAULTS,
  type FieldDefinition,
  type FormDefinition,
} from '#programmes/forms/form_definition'
import { visibleFields } from '#programmes/forms/visibility'

/**
 * `draft`: everything may be missing (autosave keeps whatever is there, valid or
 * not yet complete); `submission`: required fields must be answered.
 */
export type AnswersMode = 'draft' | 'submission'

function baseSchema(field: FieldDefinition, mode: AnswersMode): SchemaTypes {
  switch (field.type) {
    case 'text':
    case 'long_text': {
      const required = mode === 'submission' && !!field.required
      let schema = vine
        .string()
        .use(safeText({ multiline: field.type === 'long_text', required }))
        .maxLength(field.maxLength ?? FIELD_DEFAULTS.maxLength[field.type])
      if (field.minLength && mode === 'submission') schema = schema.minLength(field.minLength)
      return schema
    }
    case 'number': {
      let schema = vine.number()
      if (field.min !== undefined) schema = schema.min(field.min)
      if (field.max !== undefined) schema = schema.max(field.max)
      return schema
    }
    case 'money': {
      // Typed in dirhams, stored as integer centimes.
      let schema = vine.number().decimal([0, 2])
      if (field.min !== undefined) schema = schema.min(field.min)
      if (field.max !== undefined) schema = schema.max(field.max)
      return schema.transform((mad) => Money.ofCentimes(Math.round(mad * 100)).centimes)
    }
    case 'date':
      return vine
        .date({ formats: ['YYYY-MM-DD'] })
        .transform((date) => DateTime.fromJSDate(date).toISODate()!)
    case 'select':
      return vine.enum(field.options!.map((option) => option.value))
    case 'multi_select':
      return vine.array(vine.enum(field.options!.map((option) => option.value))).distinct()
    case 'boolean':
      return vine.boolean()
    case 'file':
      // The id of a document uploaded to this application; ownership is checked on save.
      return recordId()
    case 'group': {
      let schema = vine
        .array(vine.object(propertiesOf(field.fields!, mode)))
        .maxLength(field.maxItems ?? FIELD_DEFAULTS.maxItems)
      if (field.minItems && mode === 'submission') schema = schema.minLength(field.minItems)
      return schema
    }
  }
}

function propertiesOf(fields: FieldDefinition[], mode: AnswersMode) {
  const properties: Record<string, SchemaTypes> = {}
  for (const field of fields) {
    const schema = baseSchema(field, mode) as any
    properties[field.key] =
      mode === 'submission' && field.required ? schema : schema.optional().nullable()
  }
  return properties
}

/**
 * A VineJS validator built from the form definition: answers keyed by section then
 * field. Unknown keys are dropped, so answers only ever hold what the form asks.
 * The definition must have passed `checkFormDefinition`.
 *
 * Given the answers about to be validated, a conditional form is first narrowed to what
 * those answers make visible (`visibleFields`): a hidden field is not required and its
 * answer is dropped like an unknown key. Without them, every field counts.
 */
export function answersValidator(definition: FormDefinition, mode: AnswersMode, answers?: unknown) {
  const asked = answers === undefined ? definition : visibleFields(definition, answers)
  const sections: Record<string, SchemaTypes> = {}
  for (const section of asked.sections) {
    const schema = vine.object(propertiesOf(section.fields, mode))
    sections[section.key] = mode === 'submission' ? schema : schema.optional()
  }
  return vine.create(vine.object(sections))
}

/**
 * Validation messages in the person's language that name each field by its label in
 * the form ("Le champ Montant demandé…"), not by its key.
 */
export function answersMessagesProvider(
  definition: FormDefinition,
  i18n: I18n
): MessagesProviderContact {
  const labels = new Map<string, string>()
  const collect = (fields: FieldDefinition[], prefix: string) => {
    for (const field of fields) {
      labels.set(`${prefix}${field.key}`, localize(field.label, i18n.locale))
      if (field.type === 'group') collect(field.fields ?? [], `${prefix}${field.key}.*.`)
    }
  }
  for (const section of definition.sections) collect(section.fields, `${section.key}.`)
  const inner = i18n.createMessagesProvider()
  return {
    getMessage(message, rule, field, meta) {
      const label = labels.get(field.wildCardPath)
      return inner.getMessage(message, rule, label ? { ...field, name: label } : field, meta)
    },
  }
}
