import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  CHAIN_START,
  sealEntries,
  verifyChainBatch,
  type ChainBreak,
  type ChainCursor,
  type SealedEntry,
} from '#core/audit/audit_chain'

const BATCH_SIZE = 1000

type Client = typeof db | TransactionClientContract

async function rowsOf<Row = Record<string, any>>(
  client: Client,
  sql: string,
  bindings: unknown[] = []
) {
  const result = await client.rawQuery(sql, bindings as never[])
  return result.rows as Row[]
}
/** One sealer at a time, whatever the process (the unique position is the backstop). */
const SEALER_LOCK = 0x61756469 // "audi"

/** An entry's instant as exact UTC text (a JS Date would drop the microseconds). */
export const CREATED_AT_UTC = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_utc`

/** The columns hashed. */
const CHAINED_COLUMNS = `id, chain_position, actor_id, action, subject_type, subject_id,
  from_state, to_state, reason, metadata, request_id, ip, prev_hash, hash, ${CREATED_AT_UTC}`

/** An audit_logs row as read with CHAINED_COLUMNS (bigints arrive as strings). */
export interface ChainRow {
  id: string | number
  chain_position: string | number | null
  actor_id: number | null
  action: string
  subject_type: string
  subject_id: string
  from_state: string | null
  to_state: string | null
  reason: string | null
  metadata: unknown
  request_id: string | null
  ip: string | null
  prev_hash: string | null
  hash: string | null
  created_at_utc: string
}

function fromRow(row: ChainRow): SealedEntry {
  return {
    id: Number(row.id),
    chainPosition: Number(row.chain_position),
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    fromState: row.from_state,
    toState: row.to_state,
    reason: row.reason,
    metadata: row.metadata,
    requestId: row.request_id,
    ip: row.ip,
    createdAt: row.created_at_utc,
    prevHash: row.prev_hash ?? '',
    hash: row.hash ?? '',
  }
}

async function sealedHead(client: Client): Promise<ChainCursor> {
  const [row] = await rowsOf(
    client,
    `SELECT chain_position, id, hash FROM audit_logs WHERE chain_position IS NOT NULL
     ORDER BY chain_position DESC LIMIT 1`
  )
  return row
    ? { position: Number(row.chain_position), entryId: Number(row.id), hash: row.hash }
    : CHAIN_START
}

/**
 * Chains the committed, unsealed entries after the head, in id order, a batch per
 * transaction. Only committed rows are visible, so an entry whose transaction rolls back
 * never takes a place, and one committing late (a lower id than the head's) simply takes
 * the next place. Returns how many entries it sealed.
 */
export async function sealAuditLog() {
  let sealed = 0
  for (;;) {
    const count = await db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?)', [SEALER_LOCK])
      const head = await sealedHead(trx)
      const rows = await rowsOf<ChainRow>(
        trx,
        `SELECT ${CHAINED_COLUMNS} FROM audit_logs WHERE hash IS NULL ORDER BY id LIMIT ?`,
        [BATCH_SIZE]
      )
      if (!rows.length) return 0
      const entries = sealEntries(head, rows.map(fromRow))
      await trx.rawQuery(
        `UPDATE audit_logs SET chain_position = sealed.position, prev_hash = sealed.prev_hash,
           hash = sealed.hash
         FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])
           AS sealed(id, position, prev_hash, hash)
         WHERE audit_logs.id = sealed.id`,
        [
          entries.map((entry) => entry.id),
          entries.map((entry) => entry.chainPosition),
          entries.map((entry) => entry.prevHash),
          entries.map((entry) => entry.hash),
        ]
      )
      return entries.length
    })
    sealed += count
    if (count < BATCH_SIZE) return sealed
  }
}

export type ChainReport =
  | { intact: true; head: ChainCursor; unsealed: number }
  | { intact: false; broken: ChainBreak; unsealed: number }

/**
 * Walks the sealed chain from its first entry (up to position `upTo` when given), a batch
 * at a time so a million entries never sit in memory, and reports the first break, or
 * the last entry it reached.
 */
export async function verifyAuditLog(options: { upTo?: number } = {}): Promise<ChainReport> {
  const { upTo = Number.MAX_SAFE_INTEGER } = options
  let cursor = CHAIN_START
  for (;;) {
    const rows = await rowsOf<ChainRow>(
      db,
      `SELECT ${CHAINED_COLUMNS} FROM audit_logs
         WHERE chain_position > ? AND chain_position <= ?
         ORDER BY chain_position LIMIT ?`,
      [cursor.position, upTo, BATCH_SIZE]
    )
    const verdict = verifyChainBatch(cursor, rows.map(fromRow))
    if (!verdict.ok) {
      return { intact: false, broken: verdict.broken, unsealed: await unsealedCount() }
    }
    cursor = verdict.cursor
    if (rows.length < BATCH_SIZE) {
      return { intact: true, head: cursor, unsealed: await unsealedCount() }
    }
  }
}

async function unsealedCount() {
  const [row] = await rowsOf(db, `SELECT count(*) AS total FROM audit_logs WHERE hash IS NULL`)
  return Number(row.total)
}
