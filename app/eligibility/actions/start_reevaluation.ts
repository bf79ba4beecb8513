import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import queue from '#core/services/queue'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import Call from '#programmes/models/call'
import type RuleSetVersion from '#eligibility/models/rule_set_version'
import { publishedRuleSet } from '#eligibility/rule_set_versions'
import { reevaluationProgress } from '#eligibility/actions/reevaluate_call'

export const REEVALUATION_JOB = 'eligibility.reevaluate_call'

/** The business key of a call's re-evaluation against one version (DESIGN §10). */
export function reevaluationJobId(callId: number, version: number) {
  return `reevaluate:${callId}:v${version}`
}

/** BullMQ's states of a job that will still run or is running. */
const UNDER_WAY = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'])

/** A call's re-evaluation job, if Redis still knows it (the job runs on the default queue). */
function reevaluationJob(callId: number, version: number) {
  return queue.queue().getJob(reevaluationJobId(callId, version))
}

/** What pages show of BullMQ's job states. */
export type ReevaluationState = 'none' | 'waiting' | 'delayed' | 'active' | 'completed' | 'failed'

function shownState(state: string): ReevaluationState {
  if (state === 'prioritized' || state === 'waiting-children') return 'waiting'
  if (['waiting', 'delayed', 'active', 'completed', 'failed'].includes(state)) {
    return state as ReevaluationState
  }
  return 'none'
}

/**
 * Where re-evaluating the call against its published version stands: the counts from the
 * database, the state from BullMQ ('none' when it never ran or Redis forgot it).
 */
export async function currentReevaluation(call: Call) {
  const ruleSet = await publishedRuleSet(call.id)
  if (!ruleSet) {
    return { version: null, state: 'none' as const, processed: 0, total: 0, percent: 0 }
  }
  const [progress, job] = await Promise.all([
    reevaluationProgress(call.id, ruleSet.id),
    reevaluationJob(call.id, ruleSet.version),
  ])
  const state = shownState(job ? await job.getState() : 'none')
  return { version: ruleSet.version, state, ...progress }
}

/**
 * What launching does: start a run, or nothing because one is under way or every
 * application already has its result for the version.
 */
export type LaunchOutcome = 'started' | 'running' | 'up_to_date'

async function launchOutcome(
  state: string,
  callId: number,
  ruleSetVersionId: number,
  client: TransactionClientContract
): Promise<LaunchOutcome> {
  if (UNDER_WAY.has(state)) return 'running'
  const { processed, total } = await reevaluationProgress(callId, ruleSetVersionId, client)
  return processed < total ? 'started' : 'up_to_date'
}

/**
 * An officer launches the re-evaluation of a call against its published rule set
 * version. Audited, then dispatched after the commit under its business key. Launching
 * it while it runs, or when every application has its result for the version, does
 * nothing; after a failed run, it starts again where that one stopped.
 */
export class StartReevaluation {
  async handle(
    callId: number,
    actor: Actor
  ): Promise<{ ruleSet: RuleSetVersion; outcome: LaunchOutcome }> {
    const { ruleSet, job, outcome } = await db.transaction(async (client) => {
      const call = await Call.findOrFail(callId, { client })
      const published = await publishedRuleSet(call.id, client)
      if (!published) throw new DomainError('reevaluation.errors.no_rules', { status: 409 })
      const existing = await reevaluationJob(call.id, published.version)
      const state = existing ? await existing.getState() : 'none'
      const decided = await launchOutcome(state, call.id, published.id, client)
      if (decided === 'started') {
        await recordAudit(
          {
            actor,
            action: 'call.reevaluation_started',
            subjectType: 'call',
            subjectId: call.id,
            metadata: { ruleSetVersion: published.version },
          },
          client
        )
      }
      return { ruleSet: published, job: existing, outcome: decided }
    })
    if (outcome !== 'started') return { ruleSet, outcome }

    // A finished (completed or failed) job keeps its id in Redis for a while: make room
    // for the new run, which resumes where the last one stopped, as this officer's.
    if (job) await job.remove()
    await queue.dispatch(
      REEVALUATION_JOB,
      { callId, version: ruleSet.version, actor },
      { jobId: reevaluationJobId(callId, ruleSet.version) }
    )
    return { ruleSet, outcome }
  }
}
