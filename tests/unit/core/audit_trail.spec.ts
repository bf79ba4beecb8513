import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAudit } from '#core/audit/audit_trail'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import { UserFactory } from '#database/factories/user_factory'

/*
 * Most tests run in a transaction rolled back at the end: the log is append-only, so a
 * committed entry (and any user it names) could never be removed again.
 */

function entriesOfRequest(requestId: string, client: TransactionClientContract | typeof db = db) {
  return client.from('audit_logs').where('request_id', requestId).orderBy('id')
}

/** An entry written in `trx` by the system, found by its own request id. */
async function someEntry(trx: TransactionClientContract) {
  const requestId = randomUUID()
  await recordAudit(
    {
      actor: { id: null, requestId },
      action: 'programme.updated',
      subjectType: 'programme',
      subjectId: 7,
      reason: 'as recorded',
    },
    trx
  )
  const [entry] = await entriesOfRequest(requestId, trx)
  return entry
}

test.group('Audit trail / recording', () => {
  test('an entry keeps who did what to which record, from where, when and why', async ({
    assert,
  }) => {
    const trx = await db.transaction()
    try {
      const officer = await UserFactory.client(trx).create()
      const requestId = randomUUID()
      const before = Date.now()

      await recordAudit(
        {
          actor: { id: officer.id, requestId, ip: '2001:db8::7' },
          action: 'tranche.paid',
          subjectType: 'tranche',
          subjectId: 4242,
          fromState: 'approved',
          toState: 'paid',
          reason: 'Virement du 2e versement',
          metadata: { amountCentimes: 25_000_000, rail: 'bank_file', lines: [1, 2] },
        },
        trx
      )

      const entries = await entriesOfRequest(requestId, trx)
      assert.lengthOf(entries, 1)
      const { id, created_at: createdAt, ...fields } = entries[0]
      assert.deepEqual(fields, {
        actor_id: officer.id,
        action: 'tranche.paid',
        subject_type: 'tranche',
        subject_id: '4242',
        from_state: 'approved',
        to_state: 'paid',
        reason: 'Virement du 2e versement',
        metadata: { amountCentimes: 25_000_000, rail: 'bank_file', lines: [1, 2] },
        request_id: requestId,
        ip: '2001:db8::7',
        // written unsealed: the sealer chains it once committed
        chain_position: null,
        prev_hash: null,
        hash: null,
      })
      assert.exists(id)
      assert.instanceOf(createdAt, Date)
      assert.closeTo(createdAt.getTime(), before, 5_000)
    } finally {
      await trx.rollback()
    }
  })

  test('what an entry does not say is stored empty', async ({ assert }) => {
    const trx = await db.transaction()
    try {
      const subjectId = randomUUID()
      await recordAudit(
        { actor: SYSTEM_ACTOR, action: 'call.closed', subjectType: 'call', subjectId },
        trx
      )

      const [entry] = await trx.from('audit_logs').where('subject_id', subjectId)
      assert.containsSubset(entry, {
        actor_id: null,
        from_state: null,
        to_state: null,
        reason: null,
        metadata: {},
        request_id: null,
        ip: null,
      })
    } finally {
      await trx.rollback()
    }
  })

  test('an entry written in a transaction that rolls back is not kept', async ({ assert }) => {
    const trx = await db.transaction()
    const entry = await someEntry(trx)
    assert.exists(entry)
    await trx.rollback()
    assert.lengthOf(await entriesOfRequest(entry.request_id), 0)
  })

  test('without a transaction, the entry is written at once', async ({ assert }) => {
    // This one stays in the test database: the log cannot be cleaned, by design.
    const requestId = randomUUID()
    await recordAudit({
      actor: { id: null, requestId },
      action: 'queue.job_recovered',
      subjectType: 'job',
      subjectId: 'payout:1',
    })
    assert.lengthOf(await entriesOfRequest(requestId), 1)
  })
})

test.group('Audit trail / append-only', () => {
  test('{statement} on the audit log is refused by the database, even for its owner')
    .with([
      {
        statement: 'UPDATE',
        run: (client: TransactionClientContract, id: string) =>
          client.from('audit_logs').where('id', id).update({ reason: 'rewritten' }),
      },
      {
        // Sealing is the one update allowed: hash columns only, never with another change.
        statement: 'UPDATE that seals and rewrites',
        run: (client: TransactionClientContract, id: string) =>
          client
            .from('audit_logs')
            .where('id', id)
            .update({
              reason: 'rewritten',
              chain_position: 999_999_999_999,
              prev_hash: '0'.repeat(64),
              hash: 'a'.repeat(64),
            }),
      },
      {
        statement: 'DELETE',
        run: (client: TransactionClientContract, id: string) =>
          client.from('audit_logs').where('id', id).delete(),
      },
      {
        statement: 'TRUNCATE',
        run: (client: TransactionClientContract) => client.rawQuery('TRUNCATE audit_logs'),
      },
    ])
    .run(async ({ assert }, { run }) => {
      // The attempt runs in a savepoint of a transaction rolled back at the end, so
      // even a missing trigger would lose nothing.
      const trx = await db.transaction()
      try {
        // TRUNCATE first waits for every other transaction touching the log: fail, not hang.
        await trx.rawQuery(`SET LOCAL lock_timeout = '5s'`)
        const entry = await someEntry(trx)

        let refusal: (Error & { code?: string }) | undefined
        try {
          await trx.transaction((savepoint) => run(savepoint, entry.id))
        } catch (error) {
          refusal = error as Error & { code?: string }
        }

        assert.exists(refusal, 'the database accepted it')
        assert.equal(refusal!.code, '42501') // insufficient_privilege
        assert.include(refusal!.message, 'audit_logs is append-only')
        assert.deepEqual(await trx.from('audit_logs').where('id', entry.id), [entry])
      } finally {
        await trx.rollback()
      }
    })
})
