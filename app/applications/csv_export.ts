import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import FormVersion from '#programmes/models/form_version'
import { whereMatchesFilters } from '#applications/staff_queries'
import { filtersQueryString, type StaffFilters } from '#applications/validators/staff_filters'
import type { FieldDefinition, FormDefinition } from '#programmes/forms/form_definition'
import { visibleAnswers } from '#programmes/forms/visibility'
import { localize } from '#core/i18n/localized_text'
import { CASABLANCA } from '#core/casablanca_time'
import { recordAudit } from '#core/audit/audit_trail'
import { exportBounds, keysetCsv, madDecimal } from '#core/csv'
import type { Actor } from '#core/audit/actor'

/** The export is written in French, the administration's language, whoever downloads it. */
const EXPORT_LOCALE = 'fr'
export interface AnswerColumn {
  /** `section.field` */
  path: string
  label: string
}

/** The fields an export has a column for: top-level answers, neither files nor groups. */
function exportedFields(definition: FormDefinition) {
  return definition.sections.flatMap((section) =>
    section.fields
      .filter((field) => field.type !== 'file' && field.type !== 'group')
      .map((field) => ({ path: `${section.key}.${field.key}`, field }))
  )
}

/**
 * One column per answer across the call's form versions (newest first): a field keeps
 * its newest label, and fields that only older versions had come after.
 */
export function answerColumns(definitions: FormDefinition[]): AnswerColumn[] {
  const columns = new Map<string, AnswerColumn>()
  for (const definition of definitions) {
    for (const { path, field } of exportedFields(definition)) {
      if (!columns.has(path))
        columns.set(path, { path, label: localize(field.label, EXPORT_LOCALE) })
    }
  }
  return [...columns.values()]
}

/** A submitted answer as a cell, read with the definition of the version it answered. */
export function answerText(field: FieldDefinition | undefined, value: unknown): string | null {
  if (value === null || value === undefined) return null
  const optionLabel = (option: unknown) =>
    localize(
      field?.options?.find((candidate) => candidate.value === option)?.label,
      EXPORT_LOCALE
    ) || String(option)
  switch (field?.type) {
    case 'money':
      return Number.isSafeInteger(value) ? madDecimal(value as number) : String(value)
    case 'select':
      return optionLabel(value)
    case 'multi_select':
      return Array.isArray(value) ? value.map(optionLabel).join('; ') : optionLabel(value)
    case 'boolean': {
      const i18n = i18nManager.locale(EXPORT_LOCALE)
      return value === true ? i18n.t('forms.answers.yes') : i18n.t('forms.answers.no')
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

interface ExportRow {
  id: number
  reference: string | null
  state: string
  region: string | null
  submitted_at: Date | null
  form_version_id: number | null
  submitted_answers: Record<string, Record<string, unknown>> | null
  full_name: string
  email: string
  organization_name: string | null
}

/**
 * The CSV of a call's applications under the officer's filters, streamed in batches of
 * 1 000 (keyset on id, bounded by the last id counted, so a big call never sits in memory).
 * Reading applicants' personal data in bulk is audited first, with the filters and the
 * number of rows.
 */
export async function exportCallApplications(callId: number, filters: StaffFilters, actor: Actor) {
  const { rowCount, lastId } = await exportBounds(
    whereMatchesFilters(db.from('applications'), callId, filters),
    'applications.id'
  )

  await recordAudit({
    actor,
    action: 'call.applications_exported',
    subjectType: 'call',
    subjectId: callId,
    metadata: { filters: filtersQueryString(filters), rowCount },
  })

  const versions = await FormVersion.query().where('call_id', callId).orderBy('version', 'desc')
  const columns = answerColumns(versions.map((version) => version.definition))
  const fieldsByVersion = new Map(
    versions.map((version) => [
      version.id,
      new Map(exportedFields(version.definition).map(({ path, field }) => [path, field])),
    ])
  )
  const definitionOf = new Map(versions.map((version) => [version.id, version.definition]))

  const i18n = i18nManager.locale(EXPORT_LOCALE)
  const header = [
    ...[
      'reference',
      'state',
      'applicant_name',
      'applicant_email',
      'organization',
      'region',
      'submitted_at',
    ].map((key) => i18n.t(`staff_applications.csv.${key}`)),
    ...columns.map((column) => column.label),
  ]

  const cells = (row: ExportRow) => {
    const fields = fieldsByVersion.get(row.form_version_id ?? 0)
    const definition = definitionOf.get(row.form_version_id ?? 0)
    // A field the answers hid was not asked: its cell stays empty.
    const answers =
      definition && row.submitted_answers
        ? visibleAnswers(definition, row.submitted_answers)
        : row.submitted_answers
    return [
      row.reference,
      i18n.t(`applications.states.${row.state}`),
      row.full_name,
      row.email,
      row.organization_name,
      row.region ? i18n.t(`regions.${row.region}`) : null,
      row.submitted_at
        ? DateTime.fromJSDate(row.submitted_at)
            .setZone(CASABLANCA)
            .startOf('second')
            .toISO({ suppressMilliseconds: true })
        : null,
      ...columns.map((column) => {
        const [section, key] = column.path.split('.')
        return answerText(fields?.get(column.path), answers?.[section]?.[key])
      }),
    ]
  }

  const lines = keysetCsv({
    header,
    idColumn: 'applications.id',
    lastId,
    query: () =>
      whereMatchesFilters(db.from('applications'), callId, filters)
        .join('users', 'users.id', 'applications.applicant_id')
        .leftJoin('organizations', 'organizations.id', 'applications.organization_id')
        .select(
          'applications.id',
          'applications.reference',
          'applications.state',
          'applications.region',
          'applications.submitted_at',
          'applications.form_version_id',
          'applications.submitted_answers',
          'users.full_name',
          'users.email',
          'organizations.name as organization_name'
        ),
    cells,
  })

  return { rowCount, lines }
}
