import { test } from '@japa/runner'
import { crashTestQueue } from '#tests/helpers/workers'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { ReevaluateCall, reevaluationProgress } from '#eligibility/actions/reevaluate_call'
import { REEVALUATION_JOB, reevaluationJobId } from '#eligibility/actions/start_reevaluation'
import {
  RULES_V1,
  reevaluationMoves,
  seedApplications,
} from '#tests/functional/eligibility/reevaluation_fixtures'
import type Call from '#programmes/models/call'

/*
 * Workers and concurrent runs use their own connections, so these tests cannot run in
 * the suite's rolled-back transaction: their rows are committed and deleted afterwards.
 * Audit entries cannot be deleted (the log is append-only); assertions filter them by
 * the applications' ids, which are never reused.
 */

const created = { calls: [] as Call[] }

async function callWithApplications(count: number) {
  const call = await openCallOf()
  created.calls.push(call)
  const ruleSet = await publishRules(call, RULES_V1)
  // 50 000 MAD steps: the first ten are eligible (≤ 500 000 MAD), the rest are not.
  const ids = await seedApplications(
    call,
    Array.from({ length: count }, (_, index) => ({ amount: 50_000 * (index + 1) }))
  )
  return { call, ruleSet, ids }
}

async function deleteCreatedRows() {
  const calls = created.calls.splice(0)
  if (calls.length === 0) return
  const callIds = calls.map((call) => call.id)
  const applicants = await db
    .from('applications')
    .whereIn('call_id', callIds)
    .select('applicant_id')
  await db.from('applications').whereIn('call_id', callIds).delete()
  await db
    .from('users')
    .whereIn(
      'id',
      applicants.map((row) => row.applicant_id)
    )
    .delete()
  await db.from('calls').whereIn('id', callIds).delete()
  await db
    .from('programmes')
    .whereIn(
      'id',
      calls.map((call) => call.programmeId)
    )
    .delete()
}

/**
 * Every application has exactly one result for the version, stands on it, is in the
 * state its verdict gives, and went through screening once: submitted → screening →
 * verdict, two audit entries, no more.
 */
async function assertEvaluatedExactlyOnce(assert: any, ids: number[], ruleSetVersionId: number) {
  const rows = await db
    .from('applications as a')
    .join('application_evaluations as e', 'e.application_id', 'a.id')
    .whereIn('a.id', ids)
    .where('e.rule_set_version_id', ruleSetVersionId)
    .select('a.id', 'a.state', 'a.evaluation_id', 'e.id as result_id', 'e.eligible')
  assert.lengthOf(rows, ids.length, 'one result per application')
  for (const row of rows) {
    assert.equal(Number(row.evaluation_id), Number(row.result_id), `application ${row.id}`)
    assert.equal(row.state, row.eligible ? 'eligible' : 'ineligible', `application ${row.id}`)
  }
  assert.equal(rows.filter((row) => row.eligible).length, 10)

  const moves = await reevaluationMoves(ids)
  assert.lengthOf(moves, ids.length * 2, 'two audited moves per application')
  const byApplication = Object.groupBy(moves, (move) => move.subject_id as string)
  for (const id of ids) {
    assert.deepEqual(
      byApplication[String(id)]!.map((move) => `${move.from_state}→${move.to_state}`),
      [
        'submitted→screening',
        rows.find((row) => row.id === id)!.eligible ? 'screening→eligible' : 'screening→ineligible',
      ],
      `application ${id}`
    )
  }
}

test.group('Re-evaluation / concurrent runs and crashed workers', (group) => {
  group.each.teardown(() => deleteCreatedRows())

  test('two runs of the same re-evaluation at once store, move and audit each application once', async ({
    assert,
  }) => {
    // Several rounds, so that the runs really overlap on some batch.
    for (let round = 0; round < 3; round++) {
      const { call, ruleSet, ids } = await callWithApplications(40)
      const runs = [new ReevaluateCall(), new ReevaluateCall(), new ReevaluateCall()]
      for (const run of runs) run.batchSize = 6

      const outcomes = await Promise.all(
        runs.map((run) => run.handle({ callId: call.id, version: 1, actor: SYSTEM_ACTOR }))
      )

      const evaluated = outcomes.reduce((sum, outcome) => sum + outcome.evaluated, 0)
      const moved = outcomes.reduce((sum, outcome) => sum + outcome.moved, 0)
      assert.equal(evaluated, 40, `round ${round}`)
      assert.equal(moved, 40, `round ${round}`)
      for (const outcome of outcomes) assert.equal(outcome.processed, 40)
      await assertEvaluatedExactlyOnce(assert, ids, ruleSet.id)
    }
  })

  test('a worker that dies mid-way: another one takes the job over and finishes it, nothing counted twice', async ({
    assert,
    cleanup,
  }) => {
    const { call, ruleSet, ids } = await callWithApplications(40)

    // The first run stops answering after 3 batches were committed, while it works on the
    // 4th, as a killed process would: no more writes, no more lock renewals (what a dead
    // process had not committed, PostgreSQL rolls back). Later runs go through.
    let crashed: () => void
    const crash = new Promise<void>((resolve) => (crashed = resolve))
    class DyingReevaluation extends ReevaluateCall {
      batchSize = 5
      dead = false
      batches = 0
      protected async pendingBatch(callId: number, ruleSetVersionId: number, afterId: number) {
        const pending = await super.pendingBatch(callId, ruleSetVersionId, afterId)
        if (!this.dead && ++this.batches === 4) {
          this.dead = true
          crashed()
          await new Promise(() => {})
        }
        return pending
      }
    }
    const dying = new DyingReevaluation()
    app.container.swap(ReevaluateCall, () => dying)
    cleanup(() => app.container.restore(ReevaluateCall))

    const { service, startWorker } = crashTestQueue('reevaluation', cleanup)

    await service.dispatch(
      REEVALUATION_JOB,
      { callId: call.id, version: 1, actor: SYSTEM_ACTOR },
      { jobId: reevaluationJobId(call.id, 1) }
    )
    const first = startWorker()
    await crash
    await first.close(true)
    const midway = await reevaluationProgress(call.id, ruleSet.id)
    assert.deepEqual(midway, { processed: 15, total: 40, percent: 37 })

    const second = startWorker()
    cleanup(() => second.close(true))
    const result = await new Promise<any>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the job was not taken over')), 20_000)
      second.on('completed', (job, value) => {
        clearTimeout(timer)
        resolve({ job, value })
      })
      second.on('failed', (_job, error) => {
        clearTimeout(timer)
        reject(error)
      })
    })

    assert.equal(result.job.id, `reevaluate:${call.id}:v1`)
    assert.containsSubset(result.value, { evaluated: 25, processed: 40, total: 40, percent: 100 })
    assert.equal(await result.job.getState(), 'completed')
    assert.equal(result.job.progress, 100)
    await assertEvaluatedExactlyOnce(assert, ids, ruleSet.id)
  }).timeout(30_000)
})
