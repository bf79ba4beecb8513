import { localize } from '#core/i18n/localized_text'
import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'

/**
 * What a document answers, as people read it: `project.deck` → "Pitch deck",
 * `team.founders.0.cv` → "Founders — CV". Unknown paths are returned as they are.
 */
export function fieldLabelOf(definition: FormDefinition, path: string, locale: string) {
  const [sectionKey, fieldKey, , subKey] = path.split('.')
  const find = (fields: FieldDefinition[] | undefined, key: string | undefined) =>
    fields?.find((field) => field.key === key)
  const field = find(
    definition.sections.find((section) => section.key === sectionKey)?.fields,
    fieldKey
  )
  if (!field) return path
  const sub = subKey ? find(field.fields, subKey) : undefined
  return [field, sub]
    .filter((item): item is FieldDefinition => item !== undefined)
    .map((item) => localize(item.label, locale))
    .join(' — ')
}
