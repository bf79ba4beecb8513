import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { canonicalJson } from '#core/audit/audit_chain'
import { CREATED_AT_UTC, type ChainRow } from '#core/audit/audit_chain_store'
import { exportBounds, keysetCsv } from '#core/csv'
import {
  auditFiltersQueryString,
  whereAuditFilters,
  type AuditLogFilters,
} from '#core/audit/audit_log_filters'

type ExportRow = ChainRow & { id: number }

/**
 * The auditor's CSV of the log under the admin's filters: every hashed column as hashed
 * (ids rather than names, the instant in UTC, metadata as canonical JSON) with the chain
 * columns, streamed in batches. The export is audited first, with the filters and count.
 * Formula-neutralising (a leading `'` on cells starting with = + - @) is the only change
 * an auditor recomputing hashes from the file has to undo.
 */
export async function exportAuditLog(filters: AuditLogFilters, actor: Actor) {
  const { rowCount, lastId } = await exportBounds(
    whereAuditFilters(db.from('audit_logs'), filters),
    'id'
  )
  await recordAudit({
    actor,
    action: 'audit_log.exported',
    subjectType: 'audit_log',
    subjectId: lastId,
    metadata: { filters: auditFiltersQueryString(filters), rowCount },
  })

  const lines = keysetCsv<ExportRow>({
    header: [
      'id',
      'chain_position',
      'created_at_utc',
      'actor_id',
      'action',
      'subject_type',
      'subject_id',
      'from_state',
      'to_state',
      'reason',
      'metadata',
      'request_id',
      'ip',
      'prev_hash',
      'hash',
    ],
    idColumn: 'id',
    lastId,
    query: () =>
      whereAuditFilters(db.from('audit_logs'), filters).select('*', db.raw(CREATED_AT_UTC)),
    cells: (row) => [
      row.id,
      row.chain_position,
      row.created_at_utc,
      row.actor_id,
      row.action,
      row.subject_type,
      row.subject_id,
      row.from_state,
      row.to_state,
      row.reason,
      canonicalJson(row.metadata),
      row.request_id,
      row.ip,
      row.prev_hash,
      row.hash,
    ],
  })
  return { rowCount, lines }
}
