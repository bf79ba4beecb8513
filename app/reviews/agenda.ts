/** A committee session's agenda (DESIGN §5), as a pure function of the scores. */

/** Final scores this close to the award threshold (either side) are discussed. */
export const BORDERLINE_MARGIN = 5

export type AgendaReason = 'disagreement' | 'borderline' | 'other'

export interface AgendaCandidate {
  applicationId: number
  normalizedScore: number
  disagreement: boolean
}

export interface AgendaItem {
  applicationId: number
  position: number
  reason: AgendaReason
}

const REASON_ORDER: Record<AgendaReason, number> = { disagreement: 0, borderline: 1, other: 2 }

export function agendaReasonOf(candidate: AgendaCandidate, threshold: number): AgendaReason {
  if (candidate.disagreement) return 'disagreement'
  if (Math.abs(candidate.normalizedScore - threshold) <= BORDERLINE_MARGIN) return 'borderline'
  return 'other'
}

/**
 * Flagged applications first (reviewers disagree), then the borderline ones, each group
 * closest to the threshold first; the others only when the officer asks for them.
 */
export function buildAgenda(
  candidates: readonly AgendaCandidate[],
  threshold: number,
  { includeOthers = false }: { includeOthers?: boolean } = {}
): AgendaItem[] {
  return candidates
    .map((candidate) => ({ candidate, reason: agendaReasonOf(candidate, threshold) }))
    .filter(({ reason }) => includeOthers || reason !== 'other')
    .sort(
      (a, b) =>
        REASON_ORDER[a.reason] - REASON_ORDER[b.reason] ||
        Math.abs(a.candidate.normalizedScore - threshold) -
          Math.abs(b.candidate.normalizedScore - threshold) ||
        a.candidate.applicationId - b.candidate.applicationId
    )
    .map(({ candidate, reason }, index) => ({
      applicationId: candidate.applicationId,
      position: index + 1,
      reason,
    }))
}
