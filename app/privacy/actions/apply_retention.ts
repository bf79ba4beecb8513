import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import {
  RECORD_KINDS,
  retentionBatchSize,
  retentionPolicy,
  type RecordKind,
} from '#config/retention'
import { scrubApplications } from '#privacy/pseudonyms'
import { deleteStoredFiles } from '#privacy/stored_files'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

export type RetentionReport = Record<RecordKind, number>

/** Applications closed without an award: nothing left to pay or to decide. */
const CLOSED_STATES = ['ineligible', 'rejected', 'withdrawn']

type Query = DatabaseQueryBuilderContract<any>

/**
 * The records each kind of config/retention.ts has kept long enough. Each query selects
 * ids only; `apply` handles one batch of them in a transaction.
 */
const kinds: Record<
  RecordKind,
  {
    due(client: Query, cutoff: Date, now: Date): Query
    apply(ids: number[], client: TransactionClientContract, now: Date): Promise<string[]>
  }
> = {
  abandoned_drafts: {
    due: (query, cutoff) =>
      query.from('applications').where('state', 'draft').where('updated_at', '<', cutoff),
    async apply(ids, client) {
      const files = await documentKeys(
        client.from('application_documents').whereIn('application_id', ids)
      )
      await client.from('application_documents').whereIn('application_id', ids).delete()
      await client.from('applications').whereIn('id', ids).update({ evaluation_id: null })
      await client.from('application_evaluations').whereIn('application_id', ids).delete()
      await client.from('applications').whereIn('id', ids).delete()
      return files
    },
  },
  closed_applications: {
    due: (query, cutoff) =>
      query
        .from('applications')
        .whereIn('state', CLOSED_STATES)
        .whereNull('pseudonymised_at')
        .where('updated_at', '<', cutoff),
    async apply(ids, client, now) {
      await scrubApplications(ids, client, now)
      return []
    },
  },
  uploaded_files: {
    due: (query, cutoff) =>
      query
        .from('application_documents')
        .whereIn(
          'application_id',
          db
            .from('applications')
            .whereIn('state', CLOSED_STATES)
            .where('updated_at', '<', cutoff)
            .select('id')
        ),
    async apply(ids, client) {
      const files = await documentKeys(client.from('application_documents').whereIn('id', ids))
      await client.from('application_documents').whereIn('id', ids).delete()
      return files
    },
  },
  expired_exports: {
    due: (query, _cutoff, now) =>
      query
        .from('data_requests')
        .where({ kind: 'export', state: 'ready' })
        .where('expires_at', '<', now),
    async apply(ids, client) {
      const rows: { storage_key: string | null }[] = await client
        .from('data_requests')
        .whereIn('id', ids)
        .select('storage_key')
      await client
        .from('data_requests')
        .whereIn('id', ids)
        .update({ state: 'expired', storage_key: null })
      return rows.flatMap((row) => (row.storage_key ? [row.storage_key] : []))
    },
  },
  spent_tokens: {
    due: (query, cutoff, now) =>
      query
        .from('user_tokens')
        .where('created_at', '<', cutoff)
        .where((spent) => spent.whereNotNull('used_at').orWhere('expires_at', '<', now)),
    async apply(ids, client) {
      await client.from('user_tokens').whereIn('id', ids).delete()
      return []
    },
  },
}

function documentKeys(query: Query) {
  return query
    .select('storage_key')
    .then((rows: { storage_key: string }[]) => rows.map((row) => row.storage_key))
}

/**
 * Applies config/retention.ts: counts what is due per kind and, unless it is a dry run,
 * erases it in batches (one short transaction each, files deleted after its commit),
 * then audits the report. A dry run reads only. The audit log itself is never touched.
 */
export class ApplyRetention {
  async handle(options: { dryRun: boolean; now?: DateTime }, actor: Actor) {
    const now = (options.now ?? DateTime.utc()).toJSDate()
    const report = {} as RetentionReport
    for (const kind of RECORD_KINDS) {
      const cutoff = DateTime.fromJSDate(now).minus({ days: retentionPolicy[kind].days }).toJSDate()
      const { due, apply } = kinds[kind]
      if (options.dryRun) {
        const [row] = await due(db.query(), cutoff, now).count('* as n')
        report[kind] = Number(row.n)
        continue
      }
      report[kind] = 0
      for (;;) {
        const { ids, files } = await db.transaction(async (client) => {
          const batch: { id: number }[] = await due(client.query(), cutoff, now)
            .select('id')
            .orderBy('id')
            .limit(retentionBatchSize)
            .forUpdate()
            .skipLocked()
          const batchIds = batch.map((row) => row.id)
          return { ids: batchIds, files: batchIds.length ? await apply(batchIds, client, now) : [] }
        })
        await deleteStoredFiles(files)
        report[kind] += ids.length
        if (ids.length < retentionBatchSize) break
      }
    }
    if (!options.dryRun) {
      await recordAudit({
        actor,
        action: 'retention.applied',
        subjectType: 'retention',
        subjectId: DateTime.fromJSDate(now).toISODate()!,
        metadata: { ...report },
      })
    }
    return report
  }
}
