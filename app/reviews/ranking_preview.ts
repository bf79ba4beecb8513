import db from '@adonisjs/lucid/services/db'
import type Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import { awardAmountFor } from '#reviews/award_amounts'
import { rank, selectWithinEnvelope } from '#reviews/ranking'
import { awardThresholdOf, scoredApplications } from '#reviews/ranking_candidates'

export type PreviewOutcome = 'awarded' | 'waitlisted' | 'rejected'

export interface PreviewRow {
  applicationId: number
  reference: string | null
  rank: number | null
  finalScore: number
  meanScore: number
  /** What an award would commit (the award's amount once prepared), in centimes. */
  amountCentimes: number
  outcome: PreviewOutcome
  reservePosition: number | null
}

/**
 * The officer's view of a call's award (DESIGN §5), without writing anything: the
 * ranking against the threshold, the envelope and, when an award run has prepared
 * decisions not yet published, exactly those (`prepared`), which publishing makes final.
 * Without a prepared run, the rows show what a run would do now.
 */
export async function previewRanking(call: Call) {
  const programme = await Programme.findOrFail(call.programmeId)
  const threshold = await awardThresholdOf(call.id)
  const scored = await scoredApplications(call.id)
  const candidates = scored.map((item) => ({
    ...item,
    amountCentimes: awardAmountFor(programme, item.requested).centimes,
  }))
  const prepared: Array<{
    application_id: number
    outcome: PreviewOutcome
    rank: number | null
    reserve_position: number | null
    amount_centimes: string | null
  }> = await db
    .from('decisions')
    .where('call_id', call.id)
    .whereNull('published_at')
    .select('application_id', 'outcome', 'rank', 'reserve_position', 'amount_centimes')
  const { ranked, below } = rank(candidates, threshold)
  const available = call.envelopeCentimes - call.committedCentimes
  const selection = selectWithinEnvelope(ranked, available)
  const awarded = new Set(selection.awarded.map((item) => item.applicationId))
  let reservePosition = 0
  let rows: PreviewRow[] = [
    ...ranked.map((item) => ({
      ...item,
      outcome: awarded.has(item.applicationId) ? ('awarded' as const) : ('waitlisted' as const),
      reservePosition: awarded.has(item.applicationId) ? null : ++reservePosition,
    })),
    ...below.map((item) => ({
      ...item,
      rank: null,
      outcome: 'rejected' as const,
      reservePosition: null,
    })),
  ]
  let selectedCentimes = selection.committedCentimes
  if (prepared.length > 0) {
    const byApplication = new Map(candidates.map((item) => [item.applicationId, item]))
    rows = prepared
      .filter((decision) => byApplication.has(decision.application_id))
      .map((decision) => {
        const candidate = byApplication.get(decision.application_id)!
        return {
          ...candidate,
          rank: decision.rank,
          outcome: decision.outcome,
          reservePosition: decision.reserve_position,
          amountCentimes:
            decision.amount_centimes === null
              ? candidate.amountCentimes
              : Number(decision.amount_centimes),
        }
      })
      .sort(
        (a, b) =>
          (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
          b.finalScore - a.finalScore ||
          a.applicationId - b.applicationId
      )
    selectedCentimes = rows
      .filter((row) => row.outcome === 'awarded')
      .reduce((sum, row) => sum + row.amountCentimes, 0)
  }
  return {
    threshold,
    envelopeCentimes: call.envelopeCentimes,
    alreadyCommittedCentimes: call.committedCentimes,
    selectedCentimes,
    /** Decisions an award run prepared and nobody published yet. */
    prepared: prepared.length > 0,
    rows,
  }
}
