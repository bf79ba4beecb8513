import type FormVersion from '#programmes/models/form_version'
import {
  FIELD_DEFAULTS,
  type FieldDefinition,
  type FormDefinition,
} from '#programmes/forms/form_definition'
import { requestedAmountField } from '#programmes/forms/requested_amount'

/**
 * How money is answered (app/programmes/forms/answers_validator.ts): dirhams, as a JSON
 * number or a decimal string ("1250000.50"), at most two decimals; a submitted
 * application holds the amount in integer centimes.
 */
export const MONEY_FORMAT = {
  currency: 'MAD',
  draftUnit: 'MAD',
  maxDecimals: 2,
  submittedUnit: 'centimes',
} as const

/** The field declared as the amount requested (`section.field`), if the form has one. */
function requestedAmountKey(definition: FormDefinition) {
  const declared = requestedAmountField(definition)
  return declared ? `${declared.section}.${declared.field.key}` : null
}

/** One field with the limits that apply to it, the defaults spelled out. */
function fieldResource(field: FieldDefinition): Record<string, unknown> {
  const common = {
    key: field.key,
    type: field.type,
    label: field.label,
    hint: field.hint ?? null,
    required: field.required === true,
    // Asked only when this holds (answers to a question not asked are dropped on submission).
    visibleWhen: field.visibleWhen ?? null,
  }
  switch (field.type) {
    case 'text':
    case 'long_text':
      return {
        ...common,
        minLength: field.minLength ?? 0,
        maxLength: field.maxLength ?? FIELD_DEFAULTS.maxLength[field.type],
      }
    case 'number':
      return { ...common, min: field.min ?? null, max: field.max ?? null }
    case 'money':
      return {
        ...common,
        min: field.min ?? null,
        max: field.max ?? null,
        requestedAmount: field.requestedAmount === true,
      }
    case 'select':
    case 'multi_select':
      return {
        ...common,
        options: (field.options ?? []).map(({ value, label }) => ({ value, label })),
      }
    case 'file':
      return {
        ...common,
        accept: field.accept ?? [],
        maxSizeMb: field.maxSizeMb ?? FIELD_DEFAULTS.maxSizeMb,
      }
    case 'group':
      return {
        ...common,
        minItems: field.minItems ?? 0,
        maxItems: field.maxItems ?? FIELD_DEFAULTS.maxItems,
        fields: (field.fields ?? []).map(fieldResource),
      }
    default:
      return common
  }
}

/** A call's form for API clients: what to answer, in which JSON type, within which limits. */
export function formResource(version: FormVersion) {
  const definition = version.definition
  return {
    callId: version.callId,
    version: version.version,
    money: MONEY_FORMAT,
    requestedAmountField: requestedAmountKey(definition),
    sections: definition.sections.map((section) => ({
      key: section.key,
      title: section.title,
      visibleWhen: section.visibleWhen ?? null,
      fields: section.fields.map(fieldResource),
    })),
  }
}
