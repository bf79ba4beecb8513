import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { recordAudit } from '#core/audit/audit_trail'
import { sealAuditLog, verifyAuditLog } from '#core/audit/audit_chain_store'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import AuditVerify from '../../../commands/audit_verify.js'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

/** Three sealed entries of the system's own, found by their request id. */
async function sealedEntries() {
  const requestId = randomUUID()
  for (const index of [1, 2, 3]) {
    await recordAudit({
      actor: { id: null, requestId },
      action: 'programme.updated',
      subjectType: 'programme',
      subjectId: index,
      metadata: { amountCentimes: 1000 * index },
    })
  }
  await sealAuditLog()
  return db.from('audit_logs').where('request_id', requestId).orderBy('id')
}

/** What a superuser could do behind the application's back, triggers off. */
async function asSuperuser(sql: string, bindings: unknown[] = []) {
  await db.rawQuery('ALTER TABLE audit_logs DISABLE TRIGGER USER')
  await db.rawQuery(sql, bindings as never[])
  await db.rawQuery('ALTER TABLE audit_logs ENABLE TRIGGER USER')
}

async function runVerify() {
  const ace = await app.container.make('ace')
  ace.ui.switchMode('raw')
  const command = await ace.create(AuditVerify, [])
  await command.exec()
  return { exitCode: command.exitCode, logs: command.logger.getLogs().map((log) => log.message) }
}

/*
 * Each test runs in the global transaction rolled back afterwards: the forgeries (and
 * ALTER TABLE itself) vanish with it, so the test database keeps an intact chain.
 */
test.group('Audit chain / tampering is detected', (group) => {
  isolateEachTest(group)

  test('an intact chain verifies: the command exits 0 and the page names its head', async ({
    client,
    assert,
  }) => {
    const entries = await sealedEntries()
    const last = entries[2]
    const { exitCode, logs } = await runVerify()
    assert.equal(exitCode, 0, logs.join('\n'))
    assert.match(logs.join('\n'), new RegExp(`intact up to entry ${last.id} `))

    const admin = await userWithRoles('admin')
    const response = await client.get('/admin/audit/verification').loginAs(admin)
    response.assertStatus(200)
    assert.include(response.text(), `/admin/audit/${last.id}`)
    assert.include(response.text(), last.hash)
  })

  test('a modified entry is reported at that entry by the command and the page', async ({
    client,
    assert,
  }) => {
    const entries = await sealedEntries()
    const target = entries[1]
    await asSuperuser(`UPDATE audit_logs SET metadata = '{"amountCentimes": 1}' WHERE id = ?`, [
      target.id,
    ])

    const { exitCode, logs } = await runVerify()
    assert.equal(exitCode, 1)
    assert.match(logs.join('\n'), new RegExp(`broken at entry ${target.id} .*hash\\)`))
    assert.include(logs.join('\n'), `stored ${target.hash}`)

    const admin = await userWithRoles('admin')
    const response = await client.get('/admin/audit/verification').loginAs(admin)
    response.assertStatus(200)
    assert.include(response.text(), `href="/admin/audit/${target.id}"`)
    assert.include(response.text(), target.hash)
    assert.notInclude(response.text(), '/admin/audit/heads/', 'no signed head for a broken chain')
  })

  test('a deleted entry is reported at the entry that followed it', async ({ assert }) => {
    const entries = await sealedEntries()
    await asSuperuser('DELETE FROM audit_logs WHERE id = ?', [entries[1].id])

    const { exitCode, logs } = await runVerify()
    assert.equal(exitCode, 1)
    assert.match(logs.join('\n'), new RegExp(`broken at entry ${entries[2].id} .*link\\)`))
  })

  test('a forged entry slipped into the chain is reported at that entry', async ({ assert }) => {
    const entries = await sealedEntries()
    const last = entries[2]
    // A forger gives the row the next place, linking it to the last entry with a made-up hash.
    const position = Number(last.chain_position) + 1
    await asSuperuser(
      `INSERT INTO audit_logs (action, subject_type, subject_id, metadata, chain_position,
         prev_hash, hash)
       VALUES ('tranche.transition', 'tranche', '1', '{}', ?, ?, ?)`,
      [position, last.hash, 'f'.repeat(64)]
    )
    const report = await verifyAuditLog()
    assert.isFalse(report.intact)
    const { exitCode, logs } = await runVerify()
    assert.equal(exitCode, 1)
    assert.match(logs.join('\n'), new RegExp(`position ${position}, hash\\)`))
  })
})

test.group('Audit chain / sealing', (group) => {
  isolateEachTest(group)

  test('an entry rolled back with its change takes no place in the chain', async ({ assert }) => {
    const requestId = randomUUID()
    const trx = await db.transaction()
    await recordAudit(
      { actor: SYSTEM_ACTOR, action: 'call.updated', subjectType: 'call', subjectId: 1 },
      trx
    )
    await trx.rollback()
    await recordAudit({
      actor: { id: null, requestId },
      action: 'call.updated',
      subjectType: 'call',
      subjectId: 2,
    })
    await sealAuditLog()
    const report = await verifyAuditLog()
    assert.isTrue(report.intact)
    const sealed = await db.from('audit_logs').where('request_id', requestId).firstOrFail()
    assert.equal(report.intact && report.head.entryId, sealed.id)
    assert.equal(report.unsealed, 0)
  })

  test('the sealing job chains the entries committed since it last ran', async ({ assert }) => {
    const { default: SealAuditLogJob } = await import('#core/audit/seal_audit_log_job')
    await recordAudit({
      actor: SYSTEM_ACTOR,
      action: 'call.updated',
      subjectType: 'call',
      subjectId: 3,
    })
    await new SealAuditLogJob().handle()
    const report = await verifyAuditLog()
    assert.equal(report.unsealed, 0)
  })

  test('the application can neither insert a sealed entry nor change or unseal one', async ({
    assert,
  }) => {
    const [entry] = await sealedEntries()
    // Each attempt in its own savepoint: a refused statement would abort the test's transaction.
    const refused = (work: () => Promise<unknown>) =>
      assert.rejects(() => db.transaction(() => work()))
    await refused(() =>
      db.table('audit_logs').insert({
        action: 'tranche.transition',
        subject_type: 'tranche',
        subject_id: '1',
        chain_position: 999_999_999,
        prev_hash: 'a'.repeat(64),
        hash: 'a'.repeat(64),
      })
    )
    await refused(() =>
      db
        .from('audit_logs')
        .where('id', entry.id)
        .update({ hash: 'a'.repeat(64) })
    )
    await refused(() =>
      db
        .from('audit_logs')
        .where('id', entry.id)
        .update({ chain_position: null, prev_hash: null, hash: null })
    )
    const report = await verifyAuditLog()
    assert.isTrue(report.intact)
  })
})

/*
 * Real concurrent transactions, committed: the entries stay in the test database for good
 * (the log is append-only), sealed in an intact chain.
 */
test.group('Audit chain / concurrency', () => {
  test('an entry committed after a later one is sealed after it: no gap, no fork', async ({
    assert,
  }) => {
    const requestId = randomUUID()
    const slow = await db.transaction()
    await recordAudit(
      { actor: { id: null, requestId }, action: 'call.updated', subjectType: 'call', subjectId: 1 },
      slow
    )
    await recordAudit({
      actor: { id: null, requestId },
      action: 'call.updated',
      subjectType: 'call',
      subjectId: 2,
    })
    await sealAuditLog()
    await slow.commit()
    await sealAuditLog()

    const [early, late] = await db.from('audit_logs').where('request_id', requestId).orderBy('id')
    assert.isAbove(Number(early.chain_position), Number(late.chain_position))
    const report = await verifyAuditLog()
    assert.isTrue(report.intact, JSON.stringify(report))
    assert.equal(report.unsealed, 0)
  })

  test('50 transactions appending at once while three sealers run leave one intact chain', async ({
    assert,
  }) => {
    const requestId = randomUUID()
    const appends = Array.from({ length: 50 }, (_, index) =>
      db
        .transaction(async (trx) => {
          await recordAudit(
            {
              actor: { id: null, requestId },
              action: 'enrolment.created',
              subjectType: 'enrolment',
              subjectId: index,
            },
            trx
          )
          if (index % 5 === 0) throw new Error('rolled back')
        })
        .catch(() => null)
    )
    await Promise.all([...appends, sealAuditLog(), sealAuditLog(), sealAuditLog()])
    await sealAuditLog()

    const rows = await db.from('audit_logs').where('request_id', requestId)
    assert.lengthOf(rows, 40)
    assert.isTrue(rows.every((row) => row.hash !== null))
    const report = await verifyAuditLog()
    assert.isTrue(report.intact, JSON.stringify(report))
  })
})

test.group('Audit chain / people in the log', (group) => {
  isolateEachTest(group)

  test('deleting a person in the log is refused by the foreign key and the entry keeps their id', async ({
    assert,
  }) => {
    const person = await userWithRoles('applicant')
    await recordAudit({
      actor: { id: person.id },
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: person.id,
    })
    const constraint = await db
      .from('pg_constraint')
      .where('conname', 'audit_logs_actor_id_foreign')
      .select('confdeltype')
      .firstOrFail()
    assert.equal(constraint.confdeltype, 'r', 'ON DELETE RESTRICT, never SET NULL')

    const error = await db
      .transaction((trx) => trx.from('users').where('id', person.id).delete())
      .catch((caught) => caught)
    assert.equal(error.code, '23503', 'a foreign key violation, not the append-only trigger')
    const entries = await db.from('audit_logs').where('actor_id', person.id)
    assert.lengthOf(entries, 1)
  })
})
