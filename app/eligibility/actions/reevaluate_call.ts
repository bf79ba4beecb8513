import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type { Actor } from '#core/audit/actor'
import { applicationLifecycle, type ApplicationState } from '#applications/application_lifecycle'
import type { FormAnswers } from '#programmes/forms/form_definition'
import Call from '#programmes/models/call'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { compileRuleSet, type Evaluation, type Evaluator } from '#eligibility/evaluate'
import { evaluationContext } from '#eligibility/evaluation_context'
import { publishedRuleSet } from '#eligibility/rule_set_versions'

/** What the job carries: ids and the launching officer, never records. */
export interface ReevaluationInput {
  callId: number
  /** The published rule set version to evaluate against. */
  version: number
  /** The officer who launched it: every transition it makes is theirs. */
  actor: Actor
}

export interface ReevaluationProgress {
  /** Applications of the call with a stored result for the version. */
  processed: number
  /** Submitted applications of the call (not drafts, not withdrawn). */
  total: number
  percent: number
}

export interface ReevaluationOutcome extends ReevaluationProgress {
  /** Results this run stored (not those stored before a restart, nor by another worker). */
  evaluated: number
  /** Applications whose state this run moved. */
  moved: number
  /** True when a newer version was published meanwhile: this run stopped early. */
  superseded: boolean
}

/** States that re-evaluation moves; later ones only get the new result stored. */
const SCREENED_STATES: ReadonlySet<ApplicationState> = new Set([
  'submitted',
  'screening',
  'eligible',
  'ineligible',
])

/**
 * The moves that bring an application to a verdict, as submission screening makes them
 * (submitted → screening → eligible | ineligible), or from one verdict to the other.
 * Empty when the verdict stands, an officer decided it by hand, the application is past
 * screening, or the lifecycle does not allow one of the steps.
 */
export function reevaluationPath(
  state: ApplicationState,
  decidedByHand: boolean,
  eligible: boolean
): ApplicationState[] {
  if (decidedByHand || !SCREENED_STATES.has(state)) return []
  const verdict: ApplicationState = eligible ? 'eligible' : 'ineligible'
  if (state === verdict) return []
  const path: ApplicationState[] = state === 'submitted' ? ['screening', verdict] : [verdict]
  let from = state
  for (const to of path) {
    if (!applicationLifecycle.can(from, to)) return []
    from = to
  }
  return path
}

/** The applications re-evaluation covers: submitted ones, unless withdrawn. */
const COVERED = `a.call_id = ? AND a.submitted_at IS NOT NULL AND a.state NOT IN ('draft', 'withdrawn')`

/**
 * How far re-evaluating the call against a version has got, counted in the database
 * (so any process, and a restarted job, reports the same).
 */
export async function reevaluationProgress(
  callId: number,
  ruleSetVersionId: number,
  client: TransactionClientContract | typeof db = db
): Promise<ReevaluationProgress> {
  const { rows } = await client.rawQuery<{ rows: Array<{ processed: number; total: number }> }>(
    `SELECT count(*)::int AS total, count(e.id)::int AS processed
     FROM applications a
     LEFT JOIN application_evaluations e
       ON e.application_id = a.id AND e.rule_set_version_id = ?
     WHERE ${COVERED}`,
    [ruleSetVersionId, callId]
  )
  const { processed, total } = rows[0]
  return {
    processed,
    total,
    percent: total === 0 ? 100 : Math.floor((processed * 100) / total),
  }
}

interface PendingRow {
  id: number
  submitted_at: Date
  submitted_answers: FormAnswers | null
}

/** One application's result, computed and not yet stored. */
export interface ScoredApplication {
  applicationId: number
  evaluation: Evaluation
}

/**
 * Progress is reported to BullMQ at most this often: counting costs a scan of the call's
 * applications (pages count for themselves when they poll).
 */
const PROGRESS_INTERVAL_MS = 2000

/**
 * Re-evaluates every submitted application of a call against a published rule set
 * version (DESIGN §4), in batches by id, each batch in one transaction: results stored
 * (one per application and version), `evaluation_id` pointed at them, verdicts moved
 * where they changed, each move audited as the launching officer's.
 *
 * Restartable and safe to run twice at once: a batch takes only applications with no
 * result for the version yet, and a transaction moves and audits only the applications
 * whose result its own insert created; a crash rolls its batch back whole. A result of
 * an older version never replaces a newer one, and the run stops once a newer version
 * is published.
 */
export class ReevaluateCall {
  /** Applications per transaction. */
  batchSize = 1000

  async handle(
    { callId, version, actor }: ReevaluationInput,
    onProgress: (progress: ReevaluationProgress) => Promise<void> = async () => {}
  ): Promise<ReevaluationOutcome> {
    const call = await Call.findOrFail(callId)
    const ruleSet = await RuleSetVersion.query()
      .where({ callId, version })
      .whereNotNull('published_at')
      .firstOrFail()
    const evaluator = compileRuleSet(ruleSet.rules)
    const outcome = { evaluated: 0, moved: 0, superseded: false }

    let cursor = 0
    let reportedAt = 0
    while (true) {
      const latest = await publishedRuleSet(callId)
      if (latest?.id !== ruleSet.id) {
        outcome.superseded = true
        break
      }
      const { lastId, pending } = await this.pendingBatch(callId, ruleSet.id, cursor)
      if (lastId === null) break
      cursor = lastId
      if (pending.length === 0) continue

      const scored = this.evaluate(pending, call, evaluator)
      const written = await db.transaction((client) =>
        this.writeBatch(scored, ruleSet, actor, client)
      )
      outcome.evaluated += written.evaluated
      outcome.moved += written.moved

      if (Date.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
        reportedAt = Date.now()
        await onProgress(await reevaluationProgress(callId, ruleSet.id))
      }
    }

    const progress = await reevaluationProgress(callId, ruleSet.id)
    await onProgress(progress)
    return { ...outcome, ...progress }
  }

  /**
   * The next page of the call's applications after `afterId`, and among them those with
   * no result for the version yet. Two plain queries rather than one anti-join: the
   * planner, misled by a version with few results so far, would scan every result of
   * the version for each page.
   */
  protected async pendingBatch(callId: number, ruleSetVersionId: number, afterId: number) {
    const { rows: page } = await db.rawQuery<{ rows: PendingRow[] }>(
      `SELECT a.id, a.submitted_at, a.submitted_answers
       FROM applications a
       WHERE ${COVERED} AND a.id > ?
       ORDER BY a.id
       LIMIT ?`,
      [callId, afterId, this.batchSize]
    )
    if (page.length === 0) return { lastId: null, pending: page }
    const done = await db
      .from('application_evaluations')
      .where('rule_set_version_id', ruleSetVersionId)
      .whereIn(
        'application_id',
        page.map((row) => row.id)
      )
      .select('application_id')
    const evaluated = new Set(done.map((row) => row.application_id as number))
    return {
      lastId: page[page.length - 1].id,
      pending: page.filter((row) => !evaluated.has(row.id)),
    }
  }

  protected evaluate(pending: PendingRow[], call: Call, evaluator: Evaluator): ScoredApplication[] {
    return pending.map((row) => ({
      applicationId: row.id,
      evaluation: evaluator(
        row.submitted_answers ?? {},
        evaluationContext(call.closesAt, DateTime.fromJSDate(row.submitted_at))
      ),
    }))
  }

  /**
   * Stores a batch's results and applies them, in the caller's transaction. Another
   * transaction storing the same results first (a second worker) makes this one's
   * insert skip them, and with them their moves and audit entries.
   */
  protected async writeBatch(
    scored: ScoredApplication[],
    ruleSet: RuleSetVersion,
    actor: Actor,
    client: TransactionClientContract
  ) {
    const inserted = await client.rawQuery<{ rows: Array<{ id: string; application_id: number }> }>(
      `INSERT INTO application_evaluations
         (application_id, rule_set_version_id, eligible, score, result, created_at)
       SELECT r.application_id, ?, r.eligible, r.score, r.result, now()
       FROM jsonb_to_recordset(?::jsonb)
         AS r(application_id int, eligible boolean, score numeric, result jsonb)
       ORDER BY r.application_id
       ON CONFLICT (application_id, rule_set_version_id) DO NOTHING
       RETURNING id, application_id`,
      [
        ruleSet.id,
        JSON.stringify(
          scored.map(({ applicationId, evaluation }) => ({
            application_id: applicationId,
            eligible: evaluation.eligible,
            score: evaluation.score,
            result: evaluation,
          }))
        ),
      ]
    )
    if (inserted.rows.length === 0) return { evaluated: 0, moved: 0 }

    // The new results stand, unless a newer version's result already does. The update
    // locks the rows, so the states it returns are the ones to move from.
    const pointed = await client.rawQuery<{
      rows: Array<{ id: number; state: ApplicationState; verdict_by: number | null }>
    }>(
      `UPDATE applications AS a
       SET evaluation_id = v.evaluation_id, updated_at = now()
       FROM (VALUES ${inserted.rows.map(() => '(?::int, ?::bigint)').join(', ')})
         AS v(id, evaluation_id)
       WHERE a.id = v.id
         AND NOT EXISTS (SELECT 1 FROM application_evaluations standing
                         JOIN rule_set_versions r ON r.id = standing.rule_set_version_id
                         WHERE standing.id = a.evaluation_id AND r.version > ?)
       RETURNING a.id, a.state, a.verdict_by`,
      [...inserted.rows.flatMap((row) => [row.application_id, row.id]), ruleSet.version]
    )

    const evaluationOf = new Map(scored.map((item) => [item.applicationId, item.evaluation]))
    const moves = pointed.rows.flatMap((row) => {
      const path = reevaluationPath(
        row.state,
        row.verdict_by !== null,
        evaluationOf.get(row.id)!.eligible
      )
      return path.length === 0 ? [] : [{ id: row.id, from: row.state, path }]
    })
    if (moves.length === 0) return { evaluated: inserted.rows.length, moved: 0 }

    const moved = await client.rawQuery<{ rows: Array<{ id: number }> }>(
      `UPDATE applications AS a
       SET state = v.to_state, updated_at = now()
       FROM (VALUES ${moves.map(() => '(?::int, ?::text, ?::text)').join(', ')})
         AS v(id, from_state, to_state)
       WHERE a.id = v.id AND a.state = v.from_state
       RETURNING a.id`,
      moves.flatMap((move) => [move.id, move.from, move.path[move.path.length - 1]])
    )
    const movedIds = new Set(moved.rows.map((row) => row.id))

    const now = new Date()
    const entries = moves
      .filter((move) => movedIds.has(move.id))
      .flatMap((move) => {
        const metadata = JSON.stringify({
          ruleSetVersion: ruleSet.version,
          score: evaluationOf.get(move.id)!.score,
          job: 'reevaluation',
        })
        return move.path.map((to, step) => ({
          actor_id: actor.id,
          action: `${applicationLifecycle.name}.transition`,
          subject_type: applicationLifecycle.name,
          subject_id: String(move.id),
          from_state: step === 0 ? move.from : move.path[step - 1],
          to_state: to,
          reason: null,
          metadata,
          request_id: actor.requestId ?? null,
          ip: actor.ip ?? null,
          created_at: now,
        }))
      })
    if (entries.length > 0) await client.insertQuery().table('audit_logs').multiInsert(entries)
    return { evaluated: inserted.rows.length, moved: movedIds.size }
  }
}
