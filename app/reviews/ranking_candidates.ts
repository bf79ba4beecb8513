import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Money } from '#core/money'
import { DEFAULT_AWARD_THRESHOLD } from '#reviews/ranking'
import { RANKING_SQL } from '#reviews/ranking_sql'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { requestedAmountPath, submittedMoney } from '#programmes/forms/requested_amount'

type Client = TransactionClientContract | typeof db

export interface ScoredApplication {
  applicationId: number
  reference: string | null
  submittedAt: number
  /** The declared requested amount of the form version answered, if any. */
  requested: Money | null
  meanScore: number
  normalizedScore: number
  disagreement: boolean
  consensusScore: number | null
  finalScore: number
}

/** Each form version of the call → the path of its declared requested amount. */
async function requestedAmountPaths(callId: number, client: Client) {
  const versions: Array<{ id: number; definition: FormDefinition }> = await client
    .from('form_versions')
    .where('call_id', callId)
    .select('id', 'definition')
  const paths: Record<string, string> = {}
  for (const version of versions) {
    const path = requestedAmountPath(version.definition)
    if (path) paths[version.id] = path
  }
  return JSON.stringify(paths)
}

export async function scoredApplications(
  callId: number,
  client: Client = db
): Promise<ScoredApplication[]> {
  const paths = await requestedAmountPaths(callId, client)
  const { rows } = await client.rawQuery(RANKING_SQL, [callId, paths, callId])
  return rows.map((row: Record<string, any>) => ({
    applicationId: row.id,
    reference: row.reference,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).getTime() : 0,
    requested: submittedMoney(row.requested),
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
