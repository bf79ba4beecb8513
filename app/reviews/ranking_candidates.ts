import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DEFAULT_AWARD_THRESHOLD } from '#reviews/ranking'
import { RANKING_SQL } from '#reviews/ranking_sql'
import { requestedAmountPath } from '#reviews/award_amounts'

type Client = TransactionClientContract | typeof db

export interface ScoredApplication {
  applicationId: number
  reference: string | null
  submittedAt: number
  /** The amount asked, in MAD as submitted (text), if the form asks for one. */
  requestedMad: string | null
  meanScore: number
  normalizedScore: number
  disagreement: boolean
  consensusScore: number | null
  finalScore: number
}

export async function scoredApplications(
  callId: number,
  programmeKind: string,
  client: Client = db
): Promise<ScoredApplication[]> {
  const path = requestedAmountPath(programmeKind)
  const { rows } = await client.rawQuery(RANKING_SQL, [callId, path, callId])
  return rows.map((row: Record<string, any>) => ({
    applicationId: row.id,
    reference: row.reference,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).getTime() : 0,
    requestedMad: row.requested,
    meanScore: Number(row.mean_score),
    normalizedScore: Number(row.normalized_score),
    disagreement: row.disagreement,
    consensusScore: row.consensus_score === null ? null : Number(row.consensus_score),
    finalScore: Number(row.final_score),
  }))
}

/** The call's award threshold: its rubric's, or the default when it has none. */
export async function awardThresholdOf(callId: number, client: Client = db) {
  const rubric = await client.from('call_rubrics').where('call_id', callId).first()
  return rubric ? Number(rubric.award_threshold) : DEFAULT_AWARD_THRESHOLD
}
