import db from '@adonisjs/lucid/services/db'

export const SCORE_SORTS = ['normalized', 'mean', 'spread', 'reference'] as const
export type ScoreSort = (typeof SCORE_SORTS)[number]

const ORDER: Record<ScoreSort, string> = {
  normalized: 'ag.normalized_score DESC NULLS LAST, a.reference',
  mean: 'ag.mean_score DESC NULLS LAST, a.reference',
  spread: 'ag.std_dev DESC NULLS LAST, a.reference',
  reference: 'a.reference',
}

export interface ScoreRow {
  applicationId: number
  reference: string | null
  title: string | null
  assigned: number
  done: number
  meanScore: number | null
  stdDev: number | null
  normalizedScore: number | null
  disagreement: boolean
  /** The submitted weighted scores, lowest first, for the spread chart. */
  scores: number[]
}

/**
 * The applications of a call under review with their progress and aggregates, in one
 * query whatever the size of the call (officers only: names are not hidden here).
 */
export async function scoreBoardOf(callId: number, sort: ScoreSort): Promise<ScoreRow[]> {
  const result = await db.rawQuery(
    `SELECT a.id, a.reference, a.title,
        count(r.id)::int AS assigned,
        (count(r.id) FILTER (WHERE r.state = 'submitted'))::int AS done,
        ag.mean_score, ag.std_dev, ag.normalized_score, coalesce(ag.disagreement, false) AS disagreement,
        coalesce(array_agg(r.weighted_score ORDER BY r.weighted_score)
          FILTER (WHERE r.state = 'submitted'), '{}') AS scores
      FROM reviews r
      JOIN applications a ON a.id = r.application_id
      LEFT JOIN review_aggregates ag ON ag.application_id = a.id
      WHERE r.call_id = ?
      GROUP BY a.id, ag.application_id
      ORDER BY ${ORDER[sort]}`,
    [callId]
  )
  const number = (value: unknown) => (value === null ? null : Number(value))
  return result.rows.map((row: Record<string, any>) => ({
    applicationId: row.id,
    reference: row.reference,
    title: row.title,
    assigned: row.assigned,
    done: row.done,
    meanScore: number(row.mean_score),
    stdDev: number(row.std_dev),
    normalizedScore: number(row.normalized_score),
    disagreement: row.disagreement,
    scores: (row.scores as unknown[]).map(Number),
  }))
}
