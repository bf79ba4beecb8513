import type Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import { awardAmountFor } from '#reviews/award_amounts'
import { rank, selectWithinEnvelope } from '#reviews/ranking'
import { awardThresholdOf, scoredApplications } from '#reviews/ranking_candidates'

/**
 * What an award run would do now, without writing anything: the officer's preview of the
 * ranking, the envelope consumed and the reserve list (the run recomputes it under lock).
 */
export async function previewRanking(call: Call) {
  const programme = await Programme.findOrFail(call.programmeId)
  const threshold = await awardThresholdOf(call.id)
  const scored = await scoredApplications(call.id, programme.kind)
  const candidates = scored.map((item) => ({
    ...item,
    amountCentimes: awardAmountFor(programme, item.requestedMad),
  }))
  const { ranked, below } = rank(candidates, threshold)
  const available = call.envelopeCentimes - call.committedCentimes
  const selection = selectWithinEnvelope(ranked, available)
  const awarded = new Set(selection.awarded.map((item) => item.applicationId))
  return {
    threshold,
    envelopeCentimes: call.envelopeCentimes,
    alreadyCommittedCentimes: call.committedCentimes,
    selectedCentimes: selection.committedCentimes,
    rows: [
      ...ranked.map((item) => ({
        ...item,
        outcome: awarded.has(item.applicationId) ? ('awarded' as const) : ('waitlisted' as const),
      })),
      ...below.map((item) => ({ ...item, rank: null, outcome: 'rejected' as const })),
    ],
  }
}
