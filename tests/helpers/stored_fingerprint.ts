import db from '@adonisjs/lucid/services/db'

export interface WatchedTable {
  name: string
  updatedAt: boolean
}

/**
 * Every table of the app (but the migration bookkeeping and the bearer tokens, whose
 * last_used_at moves on every API call), and whether it has an updated_at column.
 */
export async function tablesToWatch() {
  const { rows } = await db.rawQuery(
    `SELECT t.table_name AS name,
            EXISTS (SELECT 1 FROM information_schema.columns c
                     WHERE c.table_schema = 'public' AND c.table_name = t.table_name
                       AND c.column_name = 'updated_at') AS "updatedAt"
       FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND t.table_name NOT LIKE 'adonis_schema%'
        AND t.table_name <> 'auth_access_tokens'`
  )
  return rows as WatchedTable[]
}

/**
 * A fingerprint of what is stored, cheap enough to take around every request: each
 * table's row count and newest change. Equal fingerprints mean nothing was written.
 */
export async function storedFingerprint(tables: WatchedTable[]) {
  const parts = tables.map(
    ({ name, updatedAt }) =>
      `(SELECT count(*) || '/' || ${updatedAt ? `coalesce(max(updated_at)::text, '')` : `''`} FROM "${name}") AS "${name}"`
  )
  const { rows } = await db.rawQuery(`SELECT ${parts.join(', ')}`)
  return rows[0] as Record<string, string>
}
