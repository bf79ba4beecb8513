import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { InvalidTransition } from '#core/exceptions/domain_error'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import AuditLog from '#core/audit/audit_log'
import Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import { CALL_STATES, callLifecycle, type CallState } from '#programmes/call_lifecycle'
import { UserFactory } from '#database/factories/user_factory'

/*
 * The state machine against real rows: the Call model and its lifecycle. Rows that
 * must be committed (separate transactions) are deleted after each test; audit
 * entries cannot be (the log is append-only), so assertions filter by the call's id.
 */

const created = { calls: [] as number[], programmes: [] as number[] }

/** A call in the given state, committed unless a transaction is given. */
async function callIn(state: CallState, client?: TransactionClientContract) {
  const programme = await Programme.create(
    {
      code: `SM-${randomUUID().slice(0, 12)}`,
      kind: 'vc_call',
      stage: null,
      title: { fr: 'Programme de test' },
      summary: {},
    },
    { client }
  )
  const call = await Call.create(
    {
      programmeId: programme.id,
      title: { fr: 'Appel de test' },
      description: {},
      state,
      opensAt: DateTime.utc().minus({ days: 1 }),
      closesAt: DateTime.utc().plus({ days: 30 }),
      envelopeCentimes: 100_000_000,
      blindReview: false,
    },
    { client }
  )
  if (!client) {
    created.programmes.push(programme.id)
    created.calls.push(call.id)
  }
  return call
}

async function storedStateOf(callId: number, client?: TransactionClientContract) {
  const call = await Call.findOrFail(callId, { client })
  return call.state
}

function auditOf(callId: number, client?: TransactionClientContract) {
  return AuditLog.query({ client })
    .where('subject_type', 'call')
    .where('subject_id', String(callId))
    .orderBy('id')
}

async function rejectionOf(work: Promise<unknown>) {
  try {
    await work
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection, got a result')
}

test.group('State machine / the call lifecycle table', () => {
  test('a call moves draft → open → closed → decided → archived, and a draft may be archived', ({
    assert,
  }) => {
    const allowed = CALL_STATES.flatMap((from) =>
      CALL_STATES.filter((to) => callLifecycle.can(from, to)).map((to) => `${from}→${to}`)
    )
    assert.sameMembers(allowed, [
      'draft→open',
      'draft→archived',
      'open→closed',
      'closed→decided',
      'decided→archived',
    ])
    assert.sameMembers(callLifecycle.states, [...CALL_STATES])
    assert.deepEqual(callLifecycle.targetsFrom('archived'), [])
  })

  test('asserting a forbidden move throws InvalidTransition naming it', ({ assert }) => {
    assert.doesNotThrow(() => callLifecycle.assert('open', 'closed'))
    try {
      callLifecycle.assert('closed', 'open')
      assert.fail('closed → open should be refused')
    } catch (error) {
      assert.instanceOf(error, InvalidTransition)
      const refusal = error as InvalidTransition
      assert.equal(refusal.status, 409)
      assert.equal(refusal.code, 'E_INVALID_TRANSITION')
      assert.equal(refusal.translationKey, 'errors.invalid_transition')
      assert.deepEqual(refusal.data, { machine: 'call', from: 'closed', to: 'open' })
    }
  })
})

test.group('State machine / transitions of real calls', (group) => {
  group.each.teardown(async () => {
    await db.from('calls').whereIn('id', created.calls.splice(0)).delete()
    await db.from('programmes').whereIn('id', created.programmes.splice(0)).delete()
  })

  test('an allowed transition writes the new state and exactly one audit entry', async ({
    assert,
  }) => {
    // In a transaction rolled back at the end: the officer, once audited, could never
    // be deleted again.
    const trx = await db.transaction()
    try {
      const officer = await UserFactory.client(trx).create()
      const call = await callIn('draft', trx)
      const actor = { id: officer.id, requestId: randomUUID(), ip: '203.0.113.7' }

      const opened = await callLifecycle.transition(Call, call.id, 'open', {
        actor,
        reason: 'Publié après validation du comité',
        metadata: { envelopeCentimes: 100_000_000 },
        client: trx,
      })

      assert.equal(opened.state, 'open')
      assert.equal(await storedStateOf(call.id, trx), 'open')
      const entries = await auditOf(call.id, trx)
      assert.lengthOf(entries, 1)
      assert.containsSubset(entries[0].toObject(), {
        actorId: officer.id,
        action: 'call.transition',
        subjectType: 'call',
        subjectId: String(call.id),
        fromState: 'draft',
        toState: 'open',
        reason: 'Publié après validation du comité',
        metadata: { envelopeCentimes: 100_000_000 },
        requestId: actor.requestId,
        ip: '203.0.113.7',
      })
    } finally {
      await trx.rollback()
    }
  })

  test('a forbidden transition throws InvalidTransition and changes nothing', async ({
    assert,
  }) => {
    const call = await callIn('draft')

    const error = await rejectionOf(
      callLifecycle.transition(Call, call.id, 'closed', {
        actor: SYSTEM_ACTOR,
        reason: 'too early',
      })
    )

    assert.instanceOf(error, InvalidTransition)
    assert.deepEqual((error as InvalidTransition).data, {
      machine: 'call',
      from: 'draft',
      to: 'closed',
    })
    const stored = await Call.findOrFail(call.id)
    assert.equal(stored.state, 'draft')
    assert.equal(stored.updatedAt.toMillis(), call.updatedAt.toMillis())
    assert.lengthOf(await auditOf(call.id), 0)
  })

  test('a failure later in the same transaction undoes both the state and its audit entry', async ({
    assert,
  }) => {
    const call = await callIn('draft')

    const error = await rejectionOf(
      db.transaction(async (trx) => {
        await callLifecycle.transition(Call, call.id, 'open', { actor: SYSTEM_ACTOR, client: trx })
        // Both writes are there inside the transaction…
        assert.equal(await storedStateOf(call.id, trx), 'open')
        assert.lengthOf(await auditOf(call.id, trx), 1)
        throw new Error('the next step of the use case failed')
      })
    )

    // …and neither survives its rollback.
    assert.equal((error as Error).message, 'the next step of the use case failed')
    assert.equal(await storedStateOf(call.id), 'draft')
    assert.lengthOf(await auditOf(call.id), 0)
  })

  test('of two concurrent transitions from the same state, exactly one wins', async ({
    assert,
  }) => {
    // Several rounds, so an unlocked read-then-write would be caught racing at least once.
    for (let round = 0; round < 10; round++) {
      const call = await callIn('draft')

      // Publishing and archiving the same draft at once, each in its own transaction.
      const outcomes = await Promise.allSettled(
        (['open', 'archived'] as const).map((to) =>
          callLifecycle.transition(Call, call.id, to, { actor: SYSTEM_ACTOR })
        )
      )

      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled')
      const losers = outcomes.filter((outcome) => outcome.status === 'rejected')
      assert.lengthOf(winners, 1, `round ${round}`)
      assert.lengthOf(losers, 1, `round ${round}`)
      const finalState = winners[0].value.state
      assert.instanceOf(losers[0].reason, InvalidTransition)
      // The loser saw the winner's committed state, not the draft.
      assert.equal((losers[0].reason as InvalidTransition).data.from, finalState)

      assert.equal(await storedStateOf(call.id), finalState)
      const entries = await auditOf(call.id)
      assert.lengthOf(entries, 1, `round ${round}`)
      assert.equal(entries[0].fromState, 'draft')
      assert.equal(entries[0].toState, finalState)
    }
  })
})
