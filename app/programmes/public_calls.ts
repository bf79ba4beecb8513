import type { LocalizedText } from '#core/i18n/localized_text'
import { intlTagOf } from '#core/i18n/locales'
import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'
import type { OrganizationKind } from '#identity/models/organization'
import type User from '#identity/models/user'
import Call from '#programmes/models/call'
import { CALL_KINDS, type CallKind } from '#programmes/open_calls'
import { hasListPatterns, listFormat } from '#core/i18n/intl_formats'

/** States the public may see: a draft is not published yet, an archived call is gone. */
export const PUBLIC_CALL_STATES = ['open', 'closed', 'decided'] as const

/** A published call of a programme people apply to, with its programme; null otherwise. */
export function findPublicCall(id: number) {
  return Call.query()
    .where('calls.id', id)
    .whereIn('calls.state', [...PUBLIC_CALL_STATES])
    .whereHas('programme', (programme) => programme.whereIn('kind', [...CALL_KINDS]))
    .preload('programme')
    .first()
}

/** One document an applicant must (or may) upload, as the form version asks for it. */
export interface DocumentNeeded {
  label: LocalizedText
  /** The repeatable group the file belongs to, if any (one file per entry). */
  group: LocalizedText | null
  accept: string[]
  maxSizeMb: number | null
  required: boolean
}

function filesIn(
  fields: FieldDefinition[],
  group: FieldDefinition | null,
  found: DocumentNeeded[]
) {
  for (const field of fields) {
    if (field.type === 'file') {
      found.push({
        label: field.label,
        group: group?.label ?? null,
        accept: field.accept ?? [],
        maxSizeMb: field.maxSizeMb ?? null,
        required: (field.required ?? false) && (group === null || (group.minItems ?? 0) > 0),
      })
    } else if (field.type === 'group' && field.fields) {
      filesIn(field.fields, field, found)
    }
  }
}

/** The `file` fields of a form definition, in form order, groups included. */
export function documentsNeeded(definition: FormDefinition | null | undefined): DocumentNeeded[] {
  const found: DocumentNeeded[] = []
  for (const section of definition?.sections ?? []) filesIn(section.fields, null, found)
  return found
}

/** Short names people know for the accepted types; anything else shows as its MIME type. */
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
}

export function fileTypeName(mimeType: string) {
  return TYPE_NAMES[mimeType] ?? mimeType
}

/**
 * "PDF, PNG ou JPEG", "PDF أو PNG أو JPEG": any one of them will do. Languages Intl has
 * no list patterns for (Amazigh) get a plain comma list rather than English words.
 */
export function acceptedTypesText(accept: string[], locale: string) {
  const names = accept.map(fileTypeName)
  const tag = intlTagOf(locale)
  if (!hasListPatterns(tag)) return names.join(', ')
  return listFormat(tag, { type: 'disjunction' }).format(names)
}

/**
 * Who files an application to a call of this kind: a founder for themselves or their
 * startup; an employee for themselves (bourse de vie); a fund manager for their company
 * (required).
 */
export const APPLICANT_ORGANIZATION: Record<
  CallKind,
  { kind: OrganizationKind | null; required: boolean }
> = {
  startup_offer: { kind: 'startup', required: false },
  living_grant: { kind: null, required: false },
  vc_call: { kind: 'fund_manager_company', required: true },
}

/** The organizations of the right kind the person belongs to, by name (one query, or none). */
export async function organizationsToApplyFor(user: User, callKind: CallKind) {
  const { kind } = APPLICANT_ORGANIZATION[callKind]
  if (!kind) return []
  return user.related('organizations').query().where('kind', kind).orderBy('name')
}
