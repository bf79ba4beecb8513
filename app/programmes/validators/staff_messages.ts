import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

const OWN = 'staff_programmes.validator'
const SHARED = 'validator.shared'

/**
 * Validation messages for the programme officers' forms: their own field names and
 * rules (staff_programmes.json) first, then the shared ones (validator.json), so a
 * message never shows a raw key like `titleFr`.
 */
export class StaffMessagesProvider implements MessagesProviderContact {
  constructor(private readonly i18n: I18n) {}

  private lookup(...identifiers: string[]) {
    for (const identifier of identifiers) {
      const found = this.i18n.resolveIdentifier(identifier)
      if (found) return found.message
    }
    return null
  }

  private fieldName(name: string | number) {
    const message = this.lookup(`${OWN}.fields.${name}`, `${SHARED}.fields.${name}`)
    return message ? this.i18n.formatRawMessage(message) : String(name)
  }

  getMessage(
    defaultMessage: string,
    rule: string,
    field: FieldContext,
    meta?: Record<string, any>
  ) {
    const data: Record<string, unknown> = { ...meta, field: this.fieldName(field.name) }
    if (meta?.otherField) data.otherField = this.fieldName(meta.otherField)
    const message = this.lookup(
      `${OWN}.messages.${field.wildCardPath}.${rule}`,
      `${OWN}.messages.${rule}`,
      `${SHARED}.messages.${field.wildCardPath}.${rule}`,
      `${SHARED}.messages.${rule}`
    )
    if (message) return this.i18n.formatRawMessage(message, data)
    return defaultMessage.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => String(data[key] ?? ''))
  }
}

export function staffMessages(i18n: I18n) {
  return new StaffMessagesProvider(i18n)
}
