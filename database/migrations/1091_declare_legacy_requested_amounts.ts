import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Forms written before a form declared its requested amount were read at fixed places:
 * funding.amount_requested (startup offers) and terms.requested_commitment (VC calls).
 * Those versions now declare that very field, so their calls rank and award as before and
 * can still open; what applicants answered is unchanged (only the flag is added).
 */
const LEGACY_FIELDS: Record<string, [string, string]> = {
  startup_offer: ['funding', 'amount_requested'],
  vc_call: ['terms', 'requested_commitment'],
}

interface LegacyField {
  key: string
  type: string
  requestedAmount?: boolean
}

interface LegacyDefinition {
  sections?: Array<{ key: string; fields?: LegacyField[] }>
}

/**
 * The definition with its legacy amount field declared, or null when there is nothing to
 * do (another kind, a field already declared, no such money field).
 */
export function declareLegacyRequestedAmount<D extends LegacyDefinition>(
  definition: D,
  kind: string
): D | null {
  const legacyPath = LEGACY_FIELDS[kind]
  if (!legacyPath) return null
  const sections = definition.sections ?? []
  if (sections.some((section) => section.fields?.some((field) => field.requestedAmount === true)))
    return null
  const [sectionKey, fieldKey] = legacyPath
  const found = sections
    .find((section) => section.key === sectionKey)
    ?.fields?.some((field) => field.key === fieldKey && field.type === 'money')
  if (!found) return null
  return {
    ...definition,
    sections: sections.map((section) =>
      section.key !== sectionKey
        ? section
        : {
            ...section,
            fields: section.fields!.map((field) =>
              field.key === fieldKey ? { ...field, requestedAmount: true } : field
            ),
          }
    ),
  }
}

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const versions = await db
        .from('form_versions')
        .join('calls', 'calls.id', 'form_versions.call_id')
        .join('programmes', 'programmes.id', 'calls.programme_id')
        .whereIn('programmes.kind', Object.keys(LEGACY_FIELDS))
        .select('form_versions.id', 'form_versions.definition', 'programmes.kind')
      for (const version of versions) {
        const declared = declareLegacyRequestedAmount(version.definition ?? {}, version.kind)
        if (!declared) continue
        await db
          .from('form_versions')
          .where('id', version.id)
          .update({ definition: JSON.stringify(declared) })
      }
    })
  }

  async down() {
    // The flag names the field the code used to read anyway: nothing to undo.
  }
}
