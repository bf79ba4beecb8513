import db from '@adonisjs/lucid/services/db'
import type { LocalizedText } from '#core/i18n/localized_text'

export const WORKLISTS = ['to_screen', 'to_assign', 'late_reviews', 'appeals'] as const
export type Worklist = (typeof WORKLISTS)[number]

export interface WorklistRow {
  callId: number
  callTitle: LocalizedText
  count: number
}

/**
 * What waits for a programme officer, per call, in one query whatever the data size:
 * applications to screen, eligible ones without reviewers, reviews past due and not
 * submitted, appeals awaiting a decision. Calls still in draft or archived are left out.
 * Partial indexes (migration 1141) keep it fast at 1 M applications.
 */
export async function officerWorklists(): Promise<Record<Worklist, WorklistRow[]>> {
  const { rows } = await db.rawQuery(
    `SELECT c.id, c.title,
      count(a.id) FILTER (WHERE a.state IN ('submitted', 'screening'))::int AS to_screen,
      count(a.id) FILTER (WHERE a.state = 'eligible'
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = a.id))::int AS to_assign,
      (SELECT count(*) FROM reviews r WHERE r.call_id = c.id AND r.state IN ('assigned', 'draft')
        AND r.due_at < now())::int AS late_reviews,
      count(a.id) FILTER (WHERE a.state = 'appealed')::int AS appeals
    FROM calls c
    LEFT JOIN applications a ON a.call_id = c.id
      AND a.state IN ('submitted', 'screening', 'eligible', 'appealed')
    WHERE c.state NOT IN ('draft', 'archived')
    GROUP BY c.id
    ORDER BY c.closes_at, c.id`
  )
  const lists = Object.fromEntries(WORKLISTS.map((list) => [list, [] as WorklistRow[]]))
  for (const row of rows) {
    for (const list of WORKLISTS) {
      if (row[list] > 0)
        lists[list].push({ callId: row.id, callTitle: row.title, count: row[list] })
    }
  }
  return lists as Record<Worklist, WorklistRow[]>
}
