import type { OpenCallRow } from '#programmes/open_calls'

/** The public JSON shape of an open call. */
export function openCallResource(row: OpenCallRow) {
  return {
    id: row.id,
    title: row.title,
    programme: {
      id: row.programme_id,
      kind: row.kind,
      stage: row.stage,
      title: row.programme_title,
    },
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    envelopeCentimes: row.envelope_centimes,
    blindReview: row.blind_review,
  }
}
