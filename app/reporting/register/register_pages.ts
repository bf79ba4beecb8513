import db from '@adonisjs/lucid/services/db'
import type { LocalizedText } from '#core/i18n/localized_text'
import { awardThresholdOf } from '#reviews/ranking_candidates'

/** A call on the register's index: its latest release (served), if any. */
export interface RegisterCallRow {
  callId: number
  callTitle: LocalizedText
  programmeTitle: LocalizedText
  programmeKind: string
  releaseCount: number
  latest: {
    id: number
    sequence: number
    createdAt: Date
    grantCount: number
    awardedCentimes: number
    disbursedCentimes: number
  } | null
}

/**
 * The calls with published awards, with their latest served release: ONE query however
 * many calls (a lateral join picks each call's latest release).
 */
export async function registerCalls(): Promise<RegisterCallRow[]> {
  const { rows } = await db.rawQuery(
    `SELECT c.id AS call_id, c.title AS call_title, p.title AS programme_title,
            p.kind AS programme_kind,
            (SELECT count(*) FROM open_data_releases r
              WHERE r.call_id = c.id AND r.retracted_at IS NULL) AS release_count,
            latest.id AS release_id, latest.sequence, latest.created_at, latest.grant_count,
            latest.awarded_centimes, latest.disbursed_centimes
       FROM calls c
       JOIN programmes p ON p.id = c.programme_id
       LEFT JOIN LATERAL (
         SELECT r.id, r.sequence, r.created_at, r.grant_count, r.awarded_centimes,
                r.disbursed_centimes
           FROM open_data_releases r
          WHERE r.call_id = c.id AND r.retracted_at IS NULL
          ORDER BY r.sequence DESC LIMIT 1) latest ON true
      WHERE EXISTS (SELECT 1 FROM decisions d
                     WHERE d.call_id = c.id AND d.published_at IS NOT NULL)
      ORDER BY c.closes_at DESC, c.id DESC`
  )
  return rows.map((row: Record<string, any>) => ({
    callId: row.call_id,
    callTitle: row.call_title,
    programmeTitle: row.programme_title,
    programmeKind: row.programme_kind,
    releaseCount: Number(row.release_count),
    latest:
      row.release_id === null
        ? null
        : {
            id: row.release_id,
            sequence: row.sequence,
            createdAt: new Date(row.created_at),
            grantCount: row.grant_count,
            awardedCentimes: Number(row.awarded_centimes),
            disbursedCentimes: Number(row.disbursed_centimes),
          },
  }))
}

/** The latest served release of a call, if any. */
export async function latestReleaseId(callId: number): Promise<number | null> {
  const row = await db
    .from('open_data_releases')
    .where('call_id', callId)
    .whereNull('retracted_at')
    .orderBy('sequence', 'desc')
    .select('id')
    .first()
  return row?.id ?? null
}

export interface CutOff {
  callId: number
  callTitle: LocalizedText
  programmeTitle: LocalizedText
  envelopeCentimes: number
  committedCentimes: number
  threshold: number
  publishedAt: Date
  /** Decisions on applications at or above the threshold (given a rank). */
  ranked: number
  awarded: number
  declined: number
  waitlisted: number
  rejected: number
  lastAwardedScore: number | null
  firstWaitlistedScore: number | null
  /** An award ranked below the first on the reserve list: a smaller request that fitted. */
  awardBelowReserve: boolean
}

/**
 * The cut-off line of a call, from its published decisions only (a preview the officer
 * has not published shows nothing): null until the first publication. One query for the
 * figures, one for the threshold.
 */
export async function cutOffOf(callId: number): Promise<CutOff | null> {
  const { rows } = await db.rawQuery(
    `SELECT c.id, c.title AS call_title, p.title AS programme_title, c.envelope_centimes,
            c.committed_centimes, min(d.published_at) AS published_at,
            count(*) FILTER (WHERE d.rank IS NOT NULL) AS ranked,
            count(*) FILTER (WHERE d.outcome = 'awarded') AS awarded,
            count(*) FILTER (WHERE d.outcome = 'awarded' AND d.response = 'declined') AS declined,
            count(*) FILTER (WHERE d.outcome = 'waitlisted') AS waitlisted,
            count(*) FILTER (WHERE d.outcome = 'rejected') AS rejected,
            min(d.final_score) FILTER (WHERE d.outcome = 'awarded') AS last_awarded_score,
            max(d.rank) FILTER (WHERE d.outcome = 'awarded') AS last_awarded_rank,
            (SELECT w.final_score FROM decisions w
              WHERE w.call_id = c.id AND w.outcome = 'waitlisted' AND w.published_at IS NOT NULL
              ORDER BY w.reserve_position LIMIT 1) AS first_waitlisted_score,
            (SELECT w.rank FROM decisions w
              WHERE w.call_id = c.id AND w.outcome = 'waitlisted' AND w.published_at IS NOT NULL
              ORDER BY w.reserve_position LIMIT 1) AS first_waitlisted_rank
       FROM calls c
       JOIN programmes p ON p.id = c.programme_id
       JOIN decisions d ON d.call_id = c.id AND d.published_at IS NOT NULL
      WHERE c.id = ?
      GROUP BY c.id, p.id`,
    [callId]
  )
  const row = rows[0]
  if (!row) return null
  const score = (value: unknown) => (value === null ? null : Number(value))
  return {
    callId: row.id,
    callTitle: row.call_title,
    programmeTitle: row.programme_title,
    envelopeCentimes: Number(row.envelope_centimes),
    committedCentimes: Number(row.committed_centimes),
    threshold: await awardThresholdOf(callId),
    publishedAt: new Date(row.published_at),
    ranked: Number(row.ranked),
    awarded: Number(row.awarded),
    declined: Number(row.declined),
    waitlisted: Number(row.waitlisted),
    rejected: Number(row.rejected),
    lastAwardedScore: score(row.last_awarded_score),
    firstWaitlistedScore: score(row.first_waitlisted_score),
    awardBelowReserve:
      row.last_awarded_rank !== null &&
      row.first_waitlisted_rank !== null &&
      Number(row.last_awarded_rank) > Number(row.first_waitlisted_rank),
  }
}
