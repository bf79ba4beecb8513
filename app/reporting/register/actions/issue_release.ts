import env from '#start/env'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import OpenDataRelease, { type ReleaseReason } from '#reporting/register/models/open_data_release'
import { registerRowsOf } from '#reporting/register/register_rows'
import { csvOf, digestOf, grantsOf, packageOf } from '#reporting/register/three_sixty_giving'
import {
  REGISTER_LOCALE,
  registerWording,
  releaseTitles,
} from '#reporting/register/release_wording'
import { openDataFunder, openDataPublisher } from '#config/open_data'
import { localize } from '#core/i18n/localized_text'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { inTransaction } from '#core/transactions'

export type IssueOutcome =
  | { outcome: 'issued'; release: OpenDataRelease }
  | { outcome: 'unchanged'; release: OpenDataRelease }
  | { outcome: 'nothing_to_publish' }

const absolute = (path: string) => new URL(path, env.get('APP_URL')).href

/**
 * Issues a new release of a call's register when it changed since the latest one (the
 * grants' digest differs), else leaves the latest as it is: a job that runs twice, or a
 * sweep that finds nothing new, issues nothing. The bodies are generated here, once, and
 * stored; pages and the API only ever serve them. Older releases that name someone the
 * new one no longer names (a consent withdrawn, a person erased) are retracted in the
 * same transaction. One release at a time per call (an advisory lock on the call).
 */
export class IssueRelease {
  async handle(
    callId: number,
    reason: ReleaseReason,
    actor: Actor,
    outerClient?: TransactionClientContract
  ): Promise<IssueOutcome> {
    return inTransaction(outerClient, async (client) => {
      await lockRegister(callId, client)
      const call = await Call.query({ client }).where('id', callId).firstOrFail()
      const programme = await Programme.query({ client })
        .where('id', call.programmeId)
        .firstOrFail()
      const rows = await registerRowsOf(callId, client)
      const namedUserIds = rows.flatMap((row) =>
        row.recipient.kind === 'individual' && row.recipient.name !== null
          ? [row.recipient.userId]
          : []
      )
      await retractReleasesNamingOthers(callId, namedUserIds, client)
      // The standard wants at least one grant in a package: no award, no release.
      if (rows.length === 0) return { outcome: 'nothing_to_publish' }

      const callTitle = localize(call.title, REGISTER_LOCALE)
      const grants = grantsOf(
        {
          id: call.id,
          title: callTitle,
          programme: {
            code: programme.code,
            title: localize(programme.title, REGISTER_LOCALE),
            kind: programme.kind,
          },
          url: absolute(`/calls/${call.id}`),
        },
        rows,
        openDataFunder,
        registerWording(programme.kind)
      )
      const digest = digestOf(grants)
      const latest = await OpenDataRelease.query({ client })
        .where('call_id', callId)
        .whereNull('retracted_at')
        .orderBy('sequence', 'desc')
        .first()
      if (latest?.digest === digest) return { outcome: 'unchanged', release: latest }

      const { rows: ids } = await client.rawQuery(
        `SELECT nextval(pg_get_serial_sequence('open_data_releases', 'id')) AS id,
                coalesce((SELECT max(sequence) FROM open_data_releases WHERE call_id = ?), 0) + 1
                  AS sequence`,
        [callId]
      )
      const disbursedCentimes = rows.reduce((sum, row) => sum + row.disbursedCentimes, 0)
      // The sweep finds what changed without being told: payments, most often.
      const why =
        reason === 'sweep' && latest && latest.disbursedCentimes !== disbursedCentimes
          ? 'payments'
          : reason
      const id = Number(ids[0].id)
      const sequence = Number(ids[0].sequence)
      const issuedAt = DateTime.utc()
      const body = packageOf(
        grants,
        {
          id,
          issuedAt: issuedAt.toJSDate(),
          ...releaseTitles(callTitle, sequence),
          jsonUrl: absolute(`/open-data/releases/${id}.json`),
          accessUrl: absolute('/open-data'),
        },
        openDataPublisher
      )
      const release = await OpenDataRelease.create(
        {
          id,
          callId,
          sequence,
          reason: why,
          digest,
          grantCount: grants.length,
          awardedCentimes: rows.reduce((sum, row) => sum + row.awardedCentimes, 0),
          disbursedCentimes,
          namedUserIds,
          jsonBody: JSON.stringify(body, null, 2),
          csvBody: csvOf(grants),
          createdBy: actor.id,
          createdAt: issuedAt,
        },
        { client }
      )
      await recordAudit(
        {
          actor,
          action: 'open_data.release_issued',
          subjectType: 'call',
          subjectId: callId,
          metadata: { releaseId: id, sequence, reason: why, grants: grants.length },
        },
        client
      )
      return { outcome: 'issued', release }
    })
  }
}

/**
 * Releases of the call that name someone outside `namedUserIds` stop being served and
 * lose their bodies: the person withdrew their consent or was erased since. Their figures
 * stay public in the new release, aggregated.
 */
async function retractReleasesNamingOthers(
  callId: number,
  namedUserIds: number[],
  client: TransactionClientContract
) {
  await client.rawQuery(
    `UPDATE open_data_releases SET retracted_at = now(), json_body = '', csv_body = ''
      WHERE call_id = ? AND retracted_at IS NULL AND NOT (named_user_ids <@ ?::int[])`,
    [callId, namedUserIds]
  )
}

/** One writer at a time on a call's register, until the transaction ends. */
function lockRegister(callId: number, client: TransactionClientContract) {
  return client.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?), ?)', [
    'open_data_release',
    callId,
  ])
}

/**
 * Retracts at once every release naming this person (their consent is withdrawn, or they
 * are erased), and returns the calls whose register must be issued again. It waits for a
 * release being issued on these calls, so one that read the consent before it was
 * withdrawn is retracted too.
 */
export async function retractReleasesNaming(userId: number, client: TransactionClientContract) {
  const calls = await callsWithIndividualAwardOf(userId, client)
  for (const callId of calls.sort((a, b) => a - b)) {
    await lockRegister(callId, client)
  }
  const { rows } = await client.rawQuery(
    `UPDATE open_data_releases SET retracted_at = now(), json_body = '', csv_body = ''
      WHERE retracted_at IS NULL AND named_user_ids @> ARRAY[?]::int[]
      RETURNING call_id`,
    [userId]
  )
  return [...new Set<number>(rows.map((row: { call_id: number }) => row.call_id))]
}

/** The calls where this person holds an award as an individual (their name may appear). */
export async function callsWithIndividualAwardOf(
  userId: number,
  client: TransactionClientContract
) {
  const rows = await client
    .from('decisions')
    .join('applications', 'applications.id', 'decisions.application_id')
    .where('applications.applicant_id', userId)
    .where('decisions.outcome', 'awarded')
    .whereNotNull('decisions.published_at')
    .distinct('decisions.call_id')
    .orderBy('decisions.call_id')
  return rows.map((row: { call_id: number }) => row.call_id)
}
