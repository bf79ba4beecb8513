import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'

/**
 * The calls open right now, soonest deadline first: one query, used by the home page,
 * the JSON API and the benchmark's baseline alike.
 */
export const OPEN_CALLS_SQL = `
  SELECT c.id, c.title, c.closes_at, c.opens_at, c.envelope_centimes, c.blind_review,
         p.id AS programme_id, p.kind, p.stage, p.title AS programme_title
  FROM calls c JOIN programmes p ON p.id = c.programme_id
  WHERE c.state = 'open' AND c.opens_at <= $1 AND c.closes_at > $1
  ORDER BY c.closes_at ASC, c.id ASC
  LIMIT 50`

export interface OpenCallRow {
  id: number
  title: Record<string, string>
  closes_at: Date
  opens_at: Date
  envelope_centimes: number
  blind_review: boolean
  programme_id: number
  kind: string
  stage: string | null
  programme_title: Record<string, string>
}

export async function listOpenCalls(now: DateTime = DateTime.utc()): Promise<OpenCallRow[]> {
  const result = await db.rawQuery<{ rows: OpenCallRow[] }>(OPEN_CALLS_SQL.replaceAll('$1', '?'), [
    now.toJSDate(),
    now.toJSDate(),
  ])
  return result.rows
}
