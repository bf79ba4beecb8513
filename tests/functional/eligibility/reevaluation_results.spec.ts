import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { SaveRuleSet } from '#eligibility/actions/save_rule_set'
import { PublishRuleSet } from '#eligibility/actions/publish_rule_set'
import { ReevaluateCall, reevaluationPath } from '#eligibility/actions/reevaluate_call'
import {
  RULES_V1,
  RULES_V2,
  reevaluationMoves,
  resultsFor,
  seedApplications,
  snapshot,
} from '#tests/functional/eligibility/reevaluation_fixtures'
import type { Actor } from '#core/audit/actor'
import type Call from '#programmes/models/call'

/** Amounts asked (MAD) and the verdicts of version 1 (≤ 500 000) and 2 (200 000–950 000). */
const AMOUNT = {
  eligibleThenNot: 100_000,
  alwaysEligible: 400_000,
  ineligibleThenEligible: 900_000,
  neverEligible: 990_000,
}

function reevaluate(call: Call, version: number, actor: Actor) {
  return new ReevaluateCall().handle({ callId: call.id, version, actor })
}

test.group('Re-evaluation / the moves it may make', () => {
  test('a verdict comes through screening, flips only when it changed, never by hand', ({
    assert,
  }) => {
    assert.deepEqual(reevaluationPath('submitted', false, true), ['screening', 'eligible'])
    assert.deepEqual(reevaluationPath('screening', false, false), ['ineligible'])
    assert.deepEqual(reevaluationPath('eligible', false, false), ['ineligible'])
    assert.deepEqual(reevaluationPath('ineligible', false, true), ['eligible'])
    assert.deepEqual(reevaluationPath('eligible', false, true), [])
    assert.deepEqual(reevaluationPath('ineligible', true, true), [], 'decided by hand')
    for (const later of ['appealed', 'in_review', 'shortlisted', 'awarded'] as const) {
      assert.deepEqual(reevaluationPath(later, false, true), [], later)
      assert.deepEqual(reevaluationPath(later, false, false), [], later)
    }
  })
})

test.group('Re-evaluation / results and states', (group) => {
  isolateEachTest(group)

  test('publishing a version changes no stored result; re-evaluating flips exactly the changed verdicts, each audited once', async ({
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const actor = { id: officer.id, requestId: 'req-reevaluation', ip: '203.0.113.9' }
    const call = await openCallOf()
    const v1 = await publishRules(call, RULES_V1)
    const [flipsDown, staysEligible, flipsUp, staysIneligible] = await seedApplications(call, [
      { amount: AMOUNT.eligibleThenNot },
      { amount: AMOUNT.alwaysEligible },
      { amount: AMOUNT.ineligibleThenEligible },
      { amount: AMOUNT.neverEligible },
    ])
    const ids = [flipsDown, staysEligible, flipsUp, staysIneligible]
    await reevaluate(call, 1, actor)
    const screened = await snapshot(ids)
    assert.deepEqual(
      screened.map((row) => row.state),
      ['eligible', 'eligible', 'ineligible', 'ineligible']
    )

    // The officer edits the rules and publishes version 2: nothing stored changes.
    await new SaveRuleSet().handle(call.id, RULES_V2, actor)
    const v2 = await new PublishRuleSet().handle(call.id, actor)
    assert.equal(v2.version, 2)
    assert.deepEqual(await snapshot(ids), screened)
    assert.lengthOf(await resultsFor(ids, v2.id), 0)
    const screeningMoves = await reevaluationMoves(ids)

    const outcome = await reevaluate(call, 2, actor)

    assert.containsSubset(outcome, {
      evaluated: 4,
      moved: 2,
      superseded: false,
      processed: 4,
      total: 4,
      percent: 100,
    })
    const after = await snapshot(ids)
    assert.deepEqual(
      after.map((row) => row.state),
      ['ineligible', 'eligible', 'eligible', 'ineligible']
    )
    const results = await resultsFor(ids, v2.id)
    assert.deepEqual(
      results.map((result) => result.eligible),
      [false, true, true, false]
    )
    assert.deepEqual(
      after.map((row) => row.evaluationId),
      results.map((result) => result.id),
      'each application now stands on its version 2 result'
    )
    // Version 1's results are kept, as they were.
    assert.lengthOf(await resultsFor(ids, v1.id), 4)

    const allMoves = await reevaluationMoves(ids)
    const moves = allMoves.slice(screeningMoves.length)
    assert.deepEqual(
      moves.map((move) => [Number(move.subject_id), move.from_state, move.to_state]),
      [
        [flipsDown, 'eligible', 'ineligible'],
        [flipsUp, 'ineligible', 'eligible'],
      ]
    )
    for (const move of moves) {
      assert.equal(move.actor_id, officer.id)
      assert.deepEqual(move.metadata, {
        ruleSetVersion: 2,
        score: 50,
        job: 'reevaluation',
      })
    }
    const requestIds = await db
      .from('audit_logs')
      .whereIn('subject_id', [String(flipsDown), String(flipsUp)])
      .where('subject_type', 'application')
      .whereRaw(`metadata->>'ruleSetVersion' = '2'`)
      .select('request_id', 'ip')
    assert.deepEqual(requestIds, [
      { request_id: 'req-reevaluation', ip: '203.0.113.9' },
      { request_id: 'req-reevaluation', ip: '203.0.113.9' },
    ])
  })

  test('a submitted application is screened; a verdict by hand and later states keep their state but stand on the new result', async ({
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const actor = { id: officer.id }
    const call = await openCallOf()
    await publishRules(call, RULES_V1)
    const [byHand, appealed, inReview, draft, withdrawn] = await seedApplications(call, [
      { amount: AMOUNT.eligibleThenNot },
      { amount: AMOUNT.ineligibleThenEligible },
      { amount: AMOUNT.eligibleThenNot },
      { amount: AMOUNT.eligibleThenNot, state: 'draft' },
      { amount: AMOUNT.eligibleThenNot },
    ])
    await reevaluate(call, 1, actor)
    // What happened since screening: an officer confirmed a verdict, an applicant
    // appealed, another was sent to review, one withdrew; one more was submitted.
    await db.from('applications').where('id', byHand).update({ verdict_by: officer.id })
    await db.from('applications').where('id', appealed).update({ state: 'appealed' })
    await db.from('applications').where('id', inReview).update({ state: 'in_review' })
    await db.from('applications').where('id', withdrawn).update({ state: 'withdrawn' })
    const [waiting] = await seedApplications(call, [{ amount: AMOUNT.alwaysEligible }])
    const v2 = await publishRules(call, RULES_V2, 2)
    const before = await snapshot([byHand, appealed, inReview, draft, withdrawn])

    const outcome = await reevaluate(call, 2, actor)

    assert.containsSubset(outcome, { evaluated: 4, moved: 1, processed: 4, total: 4 })
    const after = await snapshot([waiting, byHand, appealed, inReview, draft, withdrawn])
    assert.deepEqual(
      after.map((row) => row.state),
      ['eligible', 'eligible', 'appealed', 'in_review', 'draft', 'withdrawn']
    )
    const results = await resultsFor([waiting, byHand, appealed, inReview, draft, withdrawn], v2.id)
    assert.deepEqual(
      results.map((result) => [result.applicationId, result.eligible]),
      [
        [waiting, true],
        [byHand, false],
        [appealed, true],
        [inReview, false],
      ]
    )
    assert.deepEqual(
      after.slice(0, 4).map((row) => row.evaluationId),
      results.map((result) => result.id)
    )
    assert.deepEqual(after.slice(4), before.slice(3), 'drafts and withdrawals are left alone')

    const moves = await reevaluationMoves([waiting, byHand, appealed, inReview])
    assert.deepEqual(
      moves
        .filter((move) => move.metadata.ruleSetVersion === 2)
        .map((move) => [Number(move.subject_id), move.from_state, move.to_state]),
      [
        [waiting, 'submitted', 'screening'],
        [waiting, 'screening', 'eligible'],
      ]
    )
  })

  test('running it again stores, moves and audits nothing more', async ({ assert }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const v1 = await publishRules(call, RULES_V1)
    const ids = await seedApplications(
      call,
      Array.from({ length: 12 }, (_, index) => ({ amount: 50_000 * (index + 1) }))
    )
    const reevaluation = new ReevaluateCall()
    reevaluation.batchSize = 5

    const first = await reevaluation.handle({
      callId: call.id,
      version: 1,
      actor: { id: officer.id },
    })
    const stored = await snapshot(ids)
    const moves = await reevaluationMoves(ids)
    const second = await reevaluation.handle({
      callId: call.id,
      version: 1,
      actor: { id: officer.id },
    })

    assert.containsSubset(first, { evaluated: 12, moved: 12, processed: 12, total: 12 })
    assert.containsSubset(second, { evaluated: 0, moved: 0, processed: 12, total: 12 })
    assert.deepEqual(await snapshot(ids), stored)
    assert.lengthOf(await resultsFor(ids, v1.id), 12)
    assert.lengthOf(moves, 24, 'submitted → screening → verdict, for each')
    assert.lengthOf(await reevaluationMoves(ids), 24)
  })

  test('an older version never replaces a newer one, and its run stops once a newer one is published', async ({
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call, RULES_V1)
    const ids = await seedApplications(call, [{ amount: AMOUNT.eligibleThenNot }])
    await reevaluate(call, 1, { id: officer.id })
    const v2 = await publishRules(call, RULES_V2, 2)
    await reevaluate(call, 2, { id: officer.id })
    const standing = await snapshot(ids)
    assert.equal(standing[0].state, 'ineligible')

    const late = await reevaluate(call, 1, { id: officer.id })

    assert.isTrue(late.superseded)
    assert.deepEqual(await snapshot(ids), standing)
    const [v2Result] = await resultsFor(ids, v2.id)
    assert.equal(standing[0].evaluationId, v2Result.id)
  })
})
