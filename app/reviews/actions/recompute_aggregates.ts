import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { aggregateScores } from '#reviews/aggregation'

/** Rows per INSERT, well under PostgreSQL's 65,535 bound parameters. */
const CHUNK = 5_000

/**
 * Recomputes the aggregates of every application of a call from its submitted reviews:
 * one read, the pure aggregation, one upsert (per 5,000 applications). Normalization
 * depends on every review of every reviewer in the call, so the whole call is recomputed.
 * Runs inside the caller's transaction, which must hold the call's rubric row lock so
 * that concurrent submissions recompute one after the other.
 */
export class RecomputeAggregates {
  async handle(callId: number, disagreementThreshold: number, client: TransactionClientContract) {
    const submitted: Array<{
      application_id: number
      reviewer_id: number
      weighted_score: number
    }> = await client
      .from('reviews')
      .where({ call_id: callId, state: 'submitted' })
      .select('application_id', 'reviewer_id', 'weighted_score')
    const aggregates = aggregateScores(
      submitted.map((row) => ({
        applicationId: row.application_id,
        reviewerId: row.reviewer_id,
        score: Number(row.weighted_score),
      })),
      disagreementThreshold
    )
    const now = DateTime.utc().toJSDate()
    for (let start = 0; start < aggregates.length; start += CHUNK) {
      await client
        .table('review_aggregates')
        .insert(
          aggregates.slice(start, start + CHUNK).map((item) => ({
            application_id: item.applicationId,
            call_id: callId,
            review_count: item.reviewCount,
            mean_score: item.meanScore,
            std_dev: item.stdDev,
            normalized_score: item.normalizedScore,
            disagreement: item.disagreement,
            updated_at: now,
          }))
        )
        .onConflict('application_id')
        .merge()
    }
    return aggregates
  }
}
