import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { draftOf } from '#database/factories/application_factory'
import { openCallOf } from '#database/factories/programme_factory'
import ace from '@adonisjs/core/services/ace'
import { ApplyRetention } from '#privacy/actions/apply_retention'
import RetentionApply from '#commands/retention_apply'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import { isolateEachTest } from '#tests/helpers/http'
import {
  auditFingerprint,
  draftNaming,
  lastAuditId,
  requestOf,
} from '#tests/functional/privacy/privacy_fixtures'

/** Row count and a hash of every table's content: equal means nothing changed. */
async function databaseFingerprint() {
  const { rows: tables } = (await db.rawQuery(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`
  )) as { rows: { table_name: string }[] }
  const fingerprint: Record<string, string> = {}
  for (const { table_name: table } of tables) {
    const { rows } = await db.rawQuery(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS f
       FROM "${table}" t`
    )
    fingerprint[table] = rows[0].f
  }
  return fingerprint
}

/** What recordsDue() leaves due: one record of each kind. */
const ONE_OF_EACH = {
  abandoned_drafts: 1,
  closed_applications: 1,
  uploaded_files: 1,
  expired_exports: 1,
  spent_tokens: 1,
}

const daysAgo = (days: number) => DateTime.utc().minus({ days }).toJSDate()

/** One record of each kind whose retention period is over, and a fresh draft that is not. */
async function recordsDue() {
  const [abandoned, rejectedOwner, exporter, tokenOwner, active] = await UserFactory.createMany(5)
  const { application: draft, storageKey: draftFile } = await draftNaming(abandoned)
  await db
    .from('applications')
    .where('id', draft.id)
    .update({ updated_at: daysAgo(400) })

  const {
    application: rejected,
    storageKey: rejectedFile,
    cin: rejectedCin,
  } = await draftNaming(rejectedOwner)
  await db
    .from('applications')
    .where('id', rejected.id)
    .update({ state: 'rejected', updated_at: daysAgo(6 * 365) })

  const exportRequest = await requestOf(exporter, 'export')
  const exportKey = `exports/${exportRequest.id}.zip`
  await drive.use().put(exportKey, 'zip')
  exportRequest.merge({
    state: 'ready',
    storageKey: exportKey,
    expiresAt: DateTime.utc().minus({ days: 1 }),
  })
  await exportRequest.save()

  await db.table('user_tokens').insert({
    user_id: tokenOwner.id,
    purpose: 'reset_password',
    token_hash: 'f'.repeat(64),
    expires_at: daysAgo(40),
    created_at: daysAgo(41),
  })
  const fresh = await draftOf(active, await openCallOf())
  return {
    draft,
    draftFile,
    rejected,
    rejectedFile,
    rejectedCin,
    exportRequest,
    exportKey,
    fresh,
  }
}

test.group('Retention (config/retention.ts)', (group) => {
  isolateEachTest(group)

  test('a dry run counts what is due per kind and changes nothing', async ({ assert }) => {
    const { draftFile, rejectedFile, exportKey } = await recordsDue()
    const before = await databaseFingerprint()

    const report = await new ApplyRetention().handle({ dryRun: true }, SYSTEM_ACTOR)

    assert.deepEqual(report, ONE_OF_EACH)
    assert.deepEqual(await databaseFingerprint(), before)
    for (const key of [draftFile, rejectedFile, exportKey]) {
      assert.isTrue(await drive.use().exists(key))
    }
  })

  test('a real run erases what is due, keeps the rest and audits its report', async ({
    assert,
  }) => {
    const due = await recordsDue()
    const auditMax = await lastAuditId()
    const audit = await auditFingerprint(auditMax)

    const report = await new ApplyRetention().handle({ dryRun: false }, SYSTEM_ACTOR)

    assert.deepEqual(report, ONE_OF_EACH)
    assert.isNull(await db.from('applications').where('id', due.draft.id).first())
    const rejected = await db.from('applications').where('id', due.rejected.id).first()
    assert.equal(rejected.state, 'rejected')
    assert.isNull(rejected.title)
    assert.isNotNull(rejected.pseudonymised_at)
    assert.notInclude(JSON.stringify(rejected.answers), due.rejectedCin)
    assert.isNotNull(await db.from('applications').where('id', due.fresh.id).first())
    for (const key of [due.draftFile, due.rejectedFile, due.exportKey]) {
      assert.isFalse(await drive.use().exists(key))
    }
    await due.exportRequest.refresh()
    assert.equal(due.exportRequest.state, 'expired')
    assert.lengthOf(await db.from('user_tokens').where('token_hash', 'f'.repeat(64)), 0)

    assert.deepEqual(await auditFingerprint(auditMax), audit)
    const entry = await db.from('audit_logs').where('action', 'retention.applied').first()
    assert.deepEqual(entry.metadata, report)

    const again = await new ApplyRetention().handle({ dryRun: true }, SYSTEM_ACTOR)
    assert.isTrue(Object.values(again).every((count) => count === 0))
  })

  test('`node ace retention:apply --dry-run` prints the counts and changes nothing', async ({
    assert,
  }) => {
    await recordsDue()
    const before = await databaseFingerprint()

    const command = await ace.create(RetentionApply, ['--dry-run'])
    command.ui.switchMode('raw')
    await command.exec()

    command.assertSucceeded()
    const printed = command.ui.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.match(printed, /abandoned_drafts.*365.*delete.*1/)
    assert.include(printed, 'dry run')
    assert.deepEqual(await databaseFingerprint(), before)
  })
})
